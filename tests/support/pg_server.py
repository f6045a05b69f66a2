"""A throwaway PostgreSQL server for the test suite.

The tests start a private cluster (initdb + pg_ctl) in a temporary directory on a
free loopback port, so they never depend on, or disturb, a system-wide server.
PostgreSQL refuses to run as root; when the tests run as root, every server
command runs as the ``postgres`` system user through ``runuser``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pathlib
import pwd
import shutil
import socket
import subprocess
import tempfile
from types import TracebackType

import psycopg
from psycopg import sql

__all__ = ["PgServer", "find_pg_bindir"]

_SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")
_START_TIMEOUT_S = 60
_PORT_ATTEMPTS = 3
_SUPERUSER = "postgres"

# Durability is worthless for a cluster that is deleted after the run; turning it off
# makes commits and CREATE DATABASE much faster.
_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "'64MB'",
}

# Only the private socket directory and IPv4 loopback can connect at all.
_PG_HBA = """\
local all all trust
host  all all 127.0.0.1/32 trust
"""


def _version_key(bindir: pathlib.Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/<version>/bin; numeric so that 10 sorts above 9.6.
    return tuple(int(p) if p.isdigit() else -1 for p in bindir.parent.name.split("."))


def _has_server(bindir: pathlib.Path) -> bool:
    return all(os.access(bindir / name, os.X_OK) for name in _SERVER_PROGRAMS)


def find_pg_bindir() -> pathlib.Path | None:
    """The newest directory holding initdb, pg_ctl and postgres; None if there is none."""
    candidates = sorted(
        pathlib.Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True
    )
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True, timeout=10
            ).stdout.strip()
            if out:
                candidates.append(pathlib.Path(out))
    initdb = shutil.which("initdb")
    if initdb is not None:
        candidates.append(pathlib.Path(initdb).parent)
    return next((c for c in candidates if _has_server(c)), None)


def _free_port() -> int:
    # The port is released again before the server binds it; start() retries on a race.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _conf_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class PgServer:
    """A throwaway PostgreSQL cluster in a temporary directory, on a free loopback port.

    ``base_dir`` is the parent of the temporary directory (default: /tmp when root, so
    that the postgres user can reach it, else the usual temporary directory).
    """

    def __init__(self, base_dir: pathlib.Path | None = None) -> None:
        self._base_dir = base_dir
        self._as_postgres = os.geteuid() == 0
        self._bindir: pathlib.Path | None = None
        self._tmpdir: pathlib.Path | None = None
        self._port: int | None = None

    # -- lifecycle ------------------------------------------------------------------

    def start(self) -> None:
        if self._tmpdir is not None:
            raise RuntimeError("PgServer is already started")
        bindir = find_pg_bindir()
        if bindir is None:
            raise RuntimeError(
                "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found in "
                "/usr/lib/postgresql/*/bin, `pg_config --bindir` or PATH; "
                "install them (Debian: apt-get install postgresql)"
            )
        self._bindir = bindir
        owner = self._server_owner()
        self._tmpdir = self._make_tmpdir(owner)
        # A crashed or interrupted session must not leave a postmaster behind.
        atexit.register(self.stop)
        try:
            self._initdb()
            self._configure()
            self._start_on_free_port()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop the server (immediate mode) and delete its directory. Idempotent."""
        tmpdir, self._tmpdir, self._port = self._tmpdir, None, None
        atexit.unregister(self.stop)
        if tmpdir is None:
            return
        try:
            self._stop_postmaster(tmpdir / "data")
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)

    def __enter__(self) -> PgServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- connection details -----------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("PgServer is not running")
        return self._port

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) for ``dbname`` on this server."""
        return f"postgresql+psycopg://{_SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """CREATE DATABASE ``name`` and return its URL.

        A template must have no open connections (dispose engines first), or
        PostgreSQL refuses to copy it.
        """
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            query = sql.SQL("{} TEMPLATE {}").format(query, sql.Identifier(template))
        self._execute(query)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop ``name``, terminating its sessions; a missing database is not an error."""
        self._execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    # -- internals -----------------------------------------------------------------

    def _execute(self, query: sql.Composed) -> None:
        # CREATE/DROP DATABASE cannot run inside a transaction block, hence autocommit.
        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=_SUPERUSER,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        ) as conn:
            conn.execute(query)

    def _server_owner(self) -> pwd.struct_passwd | None:
        if not self._as_postgres:
            return None
        try:
            return pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError(
                "running as root, but PostgreSQL refuses to run as root and there is no "
                "'postgres' system user to run it as; install the postgresql package "
                "(it creates the user) or run the tests as a normal user"
            ) from None

    def _make_tmpdir(self, owner: pwd.struct_passwd | None) -> pathlib.Path:
        parent = self._base_dir
        if parent is None and owner is not None:
            # $TMPDIR may point somewhere the postgres user cannot enter (e.g. /root).
            parent = pathlib.Path("/tmp")
        tmpdir = pathlib.Path(tempfile.mkdtemp(prefix="khetdesk-pg-", dir=parent))
        (tmpdir / "socket").mkdir(mode=0o700)
        if owner is not None:
            for path in (tmpdir, tmpdir / "socket"):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        tmpdir.chmod(0o700)
        return tmpdir

    def _run(self, program: str, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
        assert self._bindir is not None
        cmd = [str(self._bindir / program), *args]
        if self._as_postgres:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            cmd = [runuser, "-u", "postgres", "--", *cmd]
        # Ambient PG* variables (PGDATA, PGPORT, ...) must not redirect our commands;
        # LC_ALL=C keeps messages in English so errors can be recognised.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        # cwd=/ because the postgres user may not be able to enter the caller's cwd.
        return subprocess.run(
            cmd, cwd="/", env=env, capture_output=True, text=True, timeout=timeout, check=False
        )

    def _initdb(self) -> None:
        assert self._tmpdir is not None
        data = str(self._tmpdir / "data")
        # C.UTF-8 needs glibc >= 2.35 or a Debian-patched libc; plain C works anywhere.
        for locale_name in ("C.UTF-8", "C"):
            proc = self._run(
                "initdb",
                "-D", data,
                "-U", _SUPERUSER,
                "-E", "UTF8",
                f"--locale={locale_name}",
                "--auth=trust",
                "--no-sync",  # nothing needs to survive a power cut
                timeout=120,
            )  # fmt: skip
            if proc.returncode == 0:
                return
            if "locale" not in proc.stderr.lower():
                break
        raise RuntimeError(f"initdb failed:\n{proc.stdout}{proc.stderr}")

    def _configure(self) -> None:
        assert self._tmpdir is not None
        data = self._tmpdir / "data"
        settings = {
            **_SETTINGS,
            "unix_socket_directories": _conf_string(str(self._tmpdir / "socket")),
        }
        # Editing the files in place keeps their owner (postgres) when we are root.
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# khetdesk test server\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        (data / "pg_hba.conf").write_text(_PG_HBA, encoding="utf-8")

    def _start_on_free_port(self) -> None:
        assert self._tmpdir is not None
        data = self._tmpdir / "data"
        log = self._tmpdir / "server.log"
        for _attempt in range(_PORT_ATTEMPTS):
            port = _free_port()
            log_offset = log.stat().st_size if log.exists() else 0
            try:
                proc = self._run(
                    "pg_ctl", "start", "-w",
                    "-t", str(_START_TIMEOUT_S),
                    "-D", str(data),
                    "-l", str(log),
                    "-o", f"-p {port}",
                    timeout=_START_TIMEOUT_S + 15,
                )  # fmt: skip
                pg_ctl_output = proc.stdout + proc.stderr
                started = proc.returncode == 0
            except subprocess.TimeoutExpired:
                pg_ctl_output, started = "pg_ctl itself did not return", False
            if started:
                self._port = port
                return
            log_tail = _tail(log, log_offset)
            # pg_ctl may give up while the postmaster is still coming up.
            self._stop_postmaster(data)
            if "Address already in use" not in log_tail:
                break
        raise RuntimeError(
            f"PostgreSQL failed to start on port {port} (timeout {_START_TIMEOUT_S} s).\n"
            f"{pg_ctl_output.strip()}\n"
            f"--- server log tail ---\n{log_tail}"
        )

    def _stop_postmaster(self, data: pathlib.Path) -> None:
        pidfile = data / "postmaster.pid"
        if not pidfile.exists():
            return
        # Immediate mode: no checkpoint, the cluster is deleted right after anyway.
        with contextlib.suppress(subprocess.SubprocessError):
            self._run("pg_ctl", "stop", "-m", "immediate", "-w", "-D", str(data), timeout=60)


def _tail(log: pathlib.Path, offset: int = 0, lines: int = 30) -> str:
    try:
        with log.open(encoding="utf-8", errors="replace") as f:
            f.seek(offset)
            return "\n".join(f.read().splitlines()[-lines:])
    except OSError:
        return "(no server log)"
