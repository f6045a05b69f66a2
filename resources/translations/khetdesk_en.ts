<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="th_TH">
<context>
    <name>BoardWindow</name>
    <message>
        <source>ขาดการเชื่อมต่อฐานข้อมูล กำลังลองใหม่…</source>
        <translation>Lost contact with the database, retrying…</translation>
    </message>
    <message>
        <source>เชิญหมายเลข %1 ที่ช่องบริการ %2</source>
        <translation>Number %1, please go to counter %2</translation>
    </message>
    <message>
        <source>หมายเลข</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>ช่องบริการ</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>จำนวนผู้รอ</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>CounterChoiceDialog</name>
    <message>
        <source>เลือกช่องบริการ</source>
        <translation>Choose a counter</translation>
    </message>
    <message>
        <source>เครื่องนี้เป็นช่องบริการใด</source>
        <translation>Which counter is this PC?</translation>
    </message>
</context>
<context>
    <name>CounterStateModel</name>
    <message>
        <source>ช่อง</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>กำลังให้บริการ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>ไม่มีคิวรอสำหรับช่องนี้</source>
        <translation>Nobody is waiting for this counter</translation>
    </message>
    <message>
        <source>เรียก %1 แล้ว</source>
        <translation>Called %1</translation>
    </message>
    <message>
        <source>เรียกซ้ำ %1 (ครั้งที่ %2)</source>
        <translation>Called %1 again (call %2)</translation>
    </message>
    <message>
        <source>%1 ให้บริการเสร็จแล้ว</source>
        <translation>%1 served</translation>
    </message>
    <message>
        <source>%1 ไม่มาตามเรียก</source>
        <translation>%1 did not come</translation>
    </message>
    <message>
        <source>โอน %1 ไปรอที่บริการ %2 แล้ว</source>
        <translation>%1 now waits for service %2</translation>
    </message>
    <message>
        <source>เรียก %1 (ข้ามคิว) แล้ว</source>
        <translation>Called %1 (out of order)</translation>
    </message>
    <message>
        <source>พิมพ์บัตรคิว %1 ซ้ำแล้ว</source>
        <translation>Ticket %1 printed again</translation>
    </message>
    <message>
        <source>ออกบัตรคิว %1 แล้ว (รอก่อนหน้า %2 คน)</source>
        <translation>Ticket %1 issued (%2 ahead)</translation>
    </message>
    <message>
        <source>ข้อผิดพลาดภายใน: %1</source>
        <translation>Internal error: %1</translation>
    </message>
    <message>
        <source>ให้บริการมาแล้ว %1</source>
        <translation>At the counter for %1</translation>
    </message>
    <message>
        <source>เรียกคิวถัดไป</source>
        <translation>Call next</translation>
    </message>
    <message>
        <source>เรียกซ้ำ</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>เสร็จสิ้น</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>ไม่มาตามเรียก</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>โอนบริการ</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>เรียกข้ามคิว</source>
        <translation>Call out of order</translation>
    </message>
    <message>
        <source>พิมพ์บัตรซ้ำ</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>ออกบัตรคิว</source>
        <translation>Issue ticket</translation>
    </message>
    <message>
        <source>ช่องบริการ %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>กำลังให้บริการ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>ยังไม่ได้เรียกคิว</source>
        <translation>Nobody called yet</translation>
    </message>
    <message>
        <source>เรียกซ้ำ %1 ครั้ง</source>
        <translation>recalled %1×</translation>
    </message>
    <message>
        <source>เรียกข้ามคิว: %1</source>
        <translation>called out of order: %1</translation>
    </message>
    <message>
        <source>รอคิว %1 นาที</source>
        <translation>Waited %1 min</translation>
    </message>
    <message>
        <source>รับบัตร %1</source>
        <translation>ticket taken %1</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>คิวที่รอ (บริการ %1): %2 คน</source>
        <translation>Waiting (services %1): %2</translation>
    </message>
    <message>
        <source>วันนี้ที่ช่องนี้: ให้บริการแล้ว %1 · ไม่มาตามเรียก %2 · เรียกข้ามคิว %3</source>
        <translation>Today at this counter: served %1 · no-show %2 · out of order %3</translation>
    </message>
    <message>
        <source>รอทั้งสำนักงาน %1 คน</source>
        <translation>Waiting in the whole office: %1</translation>
    </message>
    <message>
        <source>ช่องบริการนี้ปิดอยู่</source>
        <translation>This counter is closed</translation>
    </message>
</context>
<context>
    <name>CountersAdminModel</name>
    <message>
        <source>ช่อง</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>เปิดอยู่</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>ออกบัตรคิวที่ช่องบริการ</source>
        <translation>Issue a ticket at the counter</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>คิวพิเศษ</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>ไม่ใช่</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>ระบบขัดข้องชั่วคราว กรุณาติดต่อเจ้าหน้าที่ที่เคาน์เตอร์</source>
        <translation>The system is temporarily unavailable. Please ask at the counter.</translation>
    </message>
    <message>
        <source>ขออภัย ออกบัตรคิวไม่ได้ กรุณาติดต่อเจ้าหน้าที่ที่เคาน์เตอร์</source>
        <translation>Sorry, no ticket could be issued. Please ask at the counter.</translation>
    </message>
    <message>
        <source>PIN ไม่ถูกต้อง</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>แตะเลือกบริการเพื่อรับบัตรคิว</source>
        <translation>Tap a service to get your queue ticket</translation>
    </message>
    <message>
        <source>ผู้สูงอายุ คนพิการ หญิงตั้งครรภ์ และพระภิกษุสงฆ์ได้รับบริการก่อน: แตะเลือกก่อนเลือกบริการ</source>
        <translation>Elderly and disabled people, pregnant women and monks are served first: tap your group before the service</translation>
    </message>
    <message>
        <source>ยังไม่เปิดให้บริการ กรุณาติดต่อเจ้าหน้าที่</source>
        <translation>No service is open yet. Please ask the staff.</translation>
    </message>
    <message>
        <source>ตกลง</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>บัตรคิวของท่าน</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>ไม่มีผู้รอก่อนท่าน กรุณารอเรียกสักครู่</source>
        <translation>Nobody is ahead of you; you will be called shortly</translation>
    </message>
    <message>
        <source>มีผู้รอก่อนท่าน %1 คน · รอประมาณ %2 นาที</source>
        <translation>%1 people ahead of you · about %2 minutes</translation>
    </message>
    <message>
        <source>กำลังพิมพ์บัตรคิว…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>กรุณารับบัตรคิวที่ช่องด้านล่าง</source>
        <translation>Please take your ticket below</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์ขัดข้อง: กรุณาจำหมายเลขคิวนี้ แล้วแจ้งเจ้าหน้าที่ที่เคาน์เตอร์</source>
        <translation>Printer fault: please remember this number and tell the staff at the counter</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>สวัสดี %1 (%2)</source>
        <translation>Hello %1 (%2)</translation>
    </message>
    <message>
        <source>ช่องบริการ (เรียกคิว)</source>
        <translation>Counter (call tickets)</translation>
    </message>
    <message>
        <source>ตู้ออกบัตรคิว</source>
        <translation>Ticket kiosk</translation>
    </message>
    <message>
        <source>จอแสดงคิว</source>
        <translation>Now-serving board</translation>
    </message>
    <message>
        <source>ภาพรวมคิว</source>
        <translation>Queue overview</translation>
    </message>
    <message>
        <source>ตั้งค่าและผู้ใช้</source>
        <translation>Settings and users</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>กรุณาใส่ชื่อผู้ใช้และรหัสผ่าน</source>
        <translation>Please enter your username and password</translation>
    </message>
    <message>
        <source>กำลังตรวจสอบ…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>เข้าสู่ระบบ KhetDesk</source>
        <translation>KhetDesk login</translation>
    </message>
    <message>
        <source>เข้าสู่ระบบ</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KhetDesk — ภาพรวมคิว</source>
        <translation>KhetDesk — queue overview</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>วันที่ %1</source>
        <translation>Date %1</translation>
    </message>
    <message>
        <source>รอรับบริการ %1 คน · ปรับปรุงล่าสุด %2</source>
        <translation>%1 waiting · updated %2</translation>
    </message>
    <message>
        <source>อ่านข้อมูลไม่ได้: %1</source>
        <translation>Cannot read the data: %1</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <source>เรียกข้ามคิว</source>
        <translation>Call out of order</translation>
    </message>
    <message>
        <source>บัตรคิวที่จะเรียก</source>
        <translation>Ticket to call</translation>
    </message>
    <message>
        <source>เหตุผล (ต้องระบุ บันทึกไว้ในประวัติการทำงาน)</source>
        <translation>Reason (required; kept in the audit trail)</translation>
    </message>
    <message>
        <source>การเรียกข้ามคิวจะถูกบันทึกพร้อมหมายเลขคิวที่ควรได้รับเรียกก่อน</source>
        <translation>The audit trail records the call together with the ticket that should have been called first</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>ออกจากตู้ออกบัตรคิว</source>
        <translation>Leave the kiosk</translation>
    </message>
    <message>
        <source>สำหรับเจ้าหน้าที่: ใส่ PIN เพื่อออกจากตู้ออกบัตรคิว</source>
        <translation>Staff only: enter the PIN to leave the kiosk</translation>
    </message>
</context>
<context>
    <name>ServiceQueueModel</name>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>ชื่อบริการ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>รอ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>คิวถัดไป</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>ServicesAdminModel</name>
    <message>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>ชื่อบริการ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>ชื่อภาษาอังกฤษ</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>อักษรนำหน้า</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>เวลามาตรฐาน (นาที)</source>
        <translation>Standard time (min)</translation>
    </message>
    <message>
        <source>เปิดให้บริการ</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>(ไม่มีโลโก้)</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <source>ตั้ง PIN ไว้แล้ว</source>
        <translation>A PIN is set</translation>
    </message>
    <message>
        <source>ยังไม่ได้ตั้ง PIN</source>
        <translation>No PIN set</translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>เลือกโลโก้</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>รูปภาพ (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>บันทึกโลโก้แล้ว</source>
        <translation>Logo saved</translation>
    </message>
    <message>
        <source>ลบโลโก้แล้ว</source>
        <translation>Logo removed</translation>
    </message>
    <message>
        <source>บันทึกบริการ %1 แล้ว</source>
        <translation>Service %1 saved</translation>
    </message>
    <message>
        <source>เปลี่ยนลำดับแล้ว</source>
        <translation>Order changed</translation>
    </message>
    <message>
        <source>บันทึกช่องบริการ %1 แล้ว</source>
        <translation>Counter %1 saved</translation>
    </message>
    <message>
        <source>บันทึกผู้ใช้ %1 แล้ว</source>
        <translation>User %1 saved</translation>
    </message>
    <message>
        <source>เปลี่ยนรหัสผ่านของ %1 แล้ว</source>
        <translation>Password of %1 changed</translation>
    </message>
    <message>
        <source>พิมพ์หน้าทดสอบแล้ว</source>
        <translation>Test page printed</translation>
    </message>
    <message>
        <source>KhetDesk — ตั้งค่าและผู้ใช้</source>
        <translation>KhetDesk — settings and users</translation>
    </message>
    <message>
        <source>สำนักงาน</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>ช่องบริการ</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>ผู้ใช้</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>เครื่องนี้</source>
        <translation>This PC</translation>
    </message>
    <message>
        <source>ชื่อสำนักงาน</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>ชื่อสำนักงาน (อังกฤษ)</source>
        <translation>Office name (English)</translation>
    </message>
    <message>
        <source>QR บนบัตรคิว ({code} {date})</source>
        <translation>QR on the ticket ({code} {date})</translation>
    </message>
    <message>
        <source>ข้อความท้ายบัตรคิว</source>
        <translation>Ticket footer</translation>
    </message>
    <message>
        <source>ภาษาของเอกสารที่พิมพ์</source>
        <translation>Language of printed documents</translation>
    </message>
    <message>
        <source>โลโก้</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>รหัสบริการ</source>
        <translation>Service code</translation>
    </message>
    <message>
        <source>ชื่อบริการ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>ชื่อภาษาอังกฤษ</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>อักษรนำหน้าคิว</source>
        <translation>Ticket prefix</translation>
    </message>
    <message>
        <source>เวลามาตรฐาน (นาที)</source>
        <translation>Standard time (min)</translation>
    </message>
    <message>
        <source>หมายเลขช่อง</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <source>ชื่อช่อง</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <source>บริการที่เรียก</source>
        <translation>Services called</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>รหัสผ่าน (ผู้ใช้ใหม่หรือเปลี่ยน)</source>
        <translation>Password (new user, or to change it)</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์ (none, network://IP:9100, usb://VID:PID …)</source>
        <translation>Printer (none, network://IP:9100, usb://VID:PID …)</translation>
    </message>
    <message>
        <source>ความกว้างกระดาษ (จุด)</source>
        <translation>Paper width (dots)</translation>
    </message>
    <message>
        <source>รุ่นเครื่องพิมพ์ (profile)</source>
        <translation>Printer model (profile)</translation>
    </message>
    <message>
        <source>เวลารอเครื่องพิมพ์ (วินาที)</source>
        <translation>Printer timeout (seconds)</translation>
    </message>
    <message>
        <source>ภาษาของหน้าจอเครื่องนี้</source>
        <translation>Language of this PC's windows</translation>
    </message>
    <message>
        <source>เครื่องนี้เป็นช่องบริการ (0 = ไม่ใช่)</source>
        <translation>This PC is counter (0 = none)</translation>
    </message>
    <message>
        <source>บัญชีเครื่องของตู้ออกบัตรคิว</source>
        <translation>Kiosk device account</translation>
    </message>
    <message>
        <source>รหัสผ่านบัญชีเครื่อง (เว้นว่าง = ไม่เปลี่ยน)</source>
        <translation>Device account password (empty = unchanged)</translation>
    </message>
    <message>
        <source>PIN ออกจากตู้ (ตัวเลข 4–12 หลัก เว้นว่าง = ไม่เปลี่ยน)</source>
        <translation>Kiosk exit PIN (4–12 digits; empty = unchanged)</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>ลบโลโก้</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>เพิ่มบริการใหม่</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>บันทึกบริการ</source>
        <translation>Save service</translation>
    </message>
    <message>
        <source>เลื่อนขึ้น</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>เลื่อนลง</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>เพิ่มช่องใหม่</source>
        <translation>New counter</translation>
    </message>
    <message>
        <source>บันทึกช่อง</source>
        <translation>Save counter</translation>
    </message>
    <message>
        <source>เพิ่มผู้ใช้ใหม่</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>บันทึกผู้ใช้</source>
        <translation>Save user</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่</source>
        <translation>Set new password</translation>
    </message>
    <message>
        <source>พิมพ์หน้าทดสอบ</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>บันทึกการตั้งค่าเครื่องนี้</source>
        <translation>Save this PC's settings</translation>
    </message>
    <message>
        <source>เปิดให้บริการ (แสดงที่ตู้ออกบัตรคิว)</source>
        <translation>Open (shown on the kiosk)</translation>
    </message>
    <message>
        <source>เปิดช่องบริการ</source>
        <translation>Counter open</translation>
    </message>
    <message>
        <source>ใช้งานได้</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ลบ PIN</source>
        <translation>Remove PIN</translation>
    </message>
    <message>
        <source>จอแสดงคิว: เสียงกริ่งเมื่อเรียกคิว</source>
        <translation>Board: chime on every call</translation>
    </message>
    <message>
        <source>จอแสดงคิว: เสียงประกาศ (ถ้ามีเสียงภาษาไทย)</source>
        <translation>Board: spoken announcement (when a Thai voice is installed)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>เข้าสู่ระบบช่องบริการ %1</source>
        <translation>Log in to counter %1</translation>
    </message>
    <message>
        <source>ยังไม่ได้ตั้งบัญชีเครื่องของตู้นี้: เจ้าหน้าที่เข้าสู่ระบบเพื่อเปิดตู้</source>
        <translation>No device account is set up for this kiosk: a member of staff logs in to open it</translation>
    </message>
    <message>
        <source>บัญชีเครื่องของตู้นี้ใช้ไม่ได้ (%1): เจ้าหน้าที่เข้าสู่ระบบเพื่อเปิดตู้</source>
        <translation>This kiosk's device account does not work (%1): a member of staff logs in to open it</translation>
    </message>
    <message>
        <source>บทบาท %1 เปิดหน้าจอนี้ไม่ได้</source>
        <translation>The role %1 cannot open this window</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>ผู้สูงอายุ</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <source>คนพิการ</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>หญิงตั้งครรภ์</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <source>พระภิกษุสงฆ์</source>
        <translation>Monk</translation>
    </message>
    <message>
        <source>ผู้ดูแลระบบ</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>เจ้าหน้าที่ช่องบริการ</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>เจ้าหน้าที่พัสดุ</source>
        <translation>Supply officer</translation>
    </message>
    <message>
        <source>หัวหน้าเจ้าหน้าที่พัสดุ</source>
        <translation>Head of supply</translation>
    </message>
    <message>
        <source>หัวหน้าหน่วยงาน</source>
        <translation>Head of agency</translation>
    </message>
    <message>
        <source>เจ้าหน้าที่</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>รอเรียก</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>กำลังให้บริการ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>ให้บริการแล้ว</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>ไม่มาตามเรียก</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>ใช่</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>ไม่</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>โอนไปบริการอื่น</source>
        <translation>Transfer to another service</translation>
    </message>
    <message>
        <source>โอนบัตรคิว %1 ไปรอที่บริการ:</source>
        <translation>Send ticket %1 to wait for:</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>ใช้งานได้</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>WaitingTicketsModel</name>
    <message>
        <source>ลำดับ</source>
        <translation>#</translation>
    </message>
    <message>
        <source>บัตรคิว</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>คิวพิเศษ</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>รับบัตรเวลา</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>รอแล้ว (นาที)</source>
        <translation>Waited (min)</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>ตกลง</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
