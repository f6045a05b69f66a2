<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="th_TH">
<context>
    <name>AboutDialog</name>
    <message>
        <source>ฐานข้อมูล</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>รุ่น</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>เกี่ยวกับ KhetDesk</source>
        <translation>About KhetDesk</translation>
    </message>
    <message>
        <source>โฟลเดอร์ข้อมูล</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>ไฟล์บันทึกข้อผิดพลาด</source>
        <translation>Error log file</translation>
    </message>
</context>
<context>
    <name>AppointmentKeypad</name>
    <message>
        <source>กรอกรหัสนัดหมาย 6 ตัว หรือสแกน QR บนใบนัด</source>
        <translation>Type the 6-character appointment code, or scan the QR on your slip</translation>
    </message>
    <message>
        <source>กำลังตรวจสอบ…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>ตกลง</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>มีนัดหมาย</source>
        <translation>I have an appointment</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ยังไม่ถึงเวลาเช็กอิน กรุณากลับมาใกล้เวลานัด</source>
        <translation>It is too early to check in. Please come back nearer your time.</translation>
    </message>
    <message>
        <source>รหัสนี้เช็กอินแล้ว ถูกยกเลิก หรือเลยวันนัด กรุณาติดต่อเจ้าหน้าที่</source>
        <translation>This code is already checked in, cancelled or past its day. Please ask at the counter.</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>เช็กอินไม่ได้ กรุณาติดต่อเจ้าหน้าที่</source>
        <translation>Check-in failed. Please ask at the counter.</translation>
    </message>
    <message>
        <source>ไม่พบรหัสนัดหมายนี้ กรุณาตรวจสอบใบนัด</source>
        <translation>No appointment has this code. Please check your slip.</translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>ชื่อพัสดุ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ราคา (บาท)</source>
        <translation>Price (baht)</translation>
    </message>
    <message>
        <source>วันที่ได้มาต้องเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 24/11/2569</source>
        <translation>The acquisition date must be dd/mm/yyyy (Buddhist Era), e.g. 24/11/2569</translation>
    </message>
    <message>
        <source>สถานที่เก็บ</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>สภาพ</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>หน่วยงานที่ครอบครอง</source>
        <translation>Holding unit</translation>
    </message>
    <message>
        <source>หน่วยนับ</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>หมวด (รหัส)</source>
        <translation>Category (code)</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>เพิ่มพัสดุ</source>
        <translation>Add asset</translation>
    </message>
    <message>
        <source>เลขทะเบียน</source>
        <translation>Asset number</translation>
    </message>
    <message>
        <source>แก้ไขพัสดุ</source>
        <translation>Edit asset</translation>
    </message>
    <message>
        <source>ให้ยืมได้</source>
        <translation>May be lent</translation>
    </message>
    <message>
        <source>ได้มาเมื่อ (วว/ดด/ปปปป พ.ศ.)</source>
        <translation>Acquired (dd/mm/yyyy BE)</translation>
    </message>
</context>
<context>
    <name>AssetLoansModel</name>
    <message>
        <source>กำหนดคืน</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>วันที่ยืม</source>
        <translation>From</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>สภาพเมื่อคืน</source>
        <translation>Returned as</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม</source>
        <translation>Loan no.</translation>
    </message>
</context>
<context>
    <name>AssetRegisterWindow</name>
    <message>
        <source> (ยืมอยู่ %1)</source>
        <translation> (%1 on loan)</translation>
    </message>
    <message>
        <source>%1 บาท</source>
        <translation>%1 baht</translation>
    </message>
    <message>
        <source>KhetDesk — ทะเบียนพัสดุ</source>
        <translation>KhetDesk — Asset register</translation>
    </message>
    <message>
        <source>ขอยืมพัสดุนี้ (Ctrl+N)</source>
        <translation>Borrow this (Ctrl+N)</translation>
    </message>
    <message>
        <source>ค้นหา / สแกน (F2)</source>
        <translation>Search / scan (F2)</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>จำหน่าย</source>
        <translation>Write off</translation>
    </message>
    <message>
        <source>จำหน่าย %1 แล้ว</source>
        <translation>%1 written off</translation>
    </message>
    <message>
        <source>ทะเบียนพัสดุ</source>
        <translation>Asset register</translation>
    </message>
    <message>
        <source>ทุกสถานะ</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>ทุกหน่วยงาน</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>ทุกหมวด</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>นำเข้า %1 รายการจาก %2 แล้ว</source>
        <translation>Imported %1 assets from %2</translation>
    </message>
    <message>
        <source>นำเข้า Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <source>นำเข้าทะเบียนพัสดุ</source>
        <translation>Import the asset register</translation>
    </message>
    <message>
        <source>บันทึกการแก้ไข %1 แล้ว</source>
        <translation>%1 saved</translation>
    </message>
    <message>
        <source>ประวัติการยืม</source>
        <translation>Loan history</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ป้ายพัสดุ QR %1 รายการ</source>
        <translation>QR labels, %1 assets</translation>
    </message>
    <message>
        <source>ผู้ครอบครอง</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>พบ %1</source>
        <translation>Found %1</translation>
    </message>
    <message>
        <source>พิมพ์ป้าย %1 ที่เครื่องพิมพ์ความร้อนแล้ว</source>
        <translation>Label %1 printed on the thermal printer</translation>
    </message>
    <message>
        <source>พิมพ์ป้าย QR %1 รายการ (กระดาษ A4 %2 แผ่น) ใช่หรือไม่?</source>
        <translation>Print %1 QR labels (%2 A4 sheets)?</translation>
    </message>
    <message>
        <source>พิมพ์ป้าย QR ของรายการที่เลือก %1 รายการ (Ctrl+L)</source>
        <translation>Print QR labels of the %1 selected (Ctrl+L)</translation>
    </message>
    <message>
        <source>พิมพ์ป้าย QR ของรายการที่แสดง %1 รายการ (Ctrl+L)</source>
        <translation>Print QR labels of the %1 listed (Ctrl+L)</translation>
    </message>
    <message>
        <source>พิมพ์ป้ายที่เครื่องพิมพ์ความร้อน (Ctrl+T)</source>
        <translation>Print the label on the thermal printer (Ctrl+T)</translation>
    </message>
    <message>
        <source>ยังไม่ได้เลือกรายการ จึงพิมพ์ทุกรายการที่แสดง (เลือกบางรายการด้วย Ctrl หรือ Shift + คลิก)</source>
        <translation>Nothing is selected, so every asset listed is printed (select some with Ctrl or Shift + click).</translation>
    </message>
    <message>
        <source>ราคา</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>สถานที่เก็บ</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>สภาพ</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>ส่งออก</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>ส่งออก %1 รายการไปที่ %2 แล้ว</source>
        <translation>Exported %1 assets to %2</translation>
    </message>
    <message>
        <source>ส่งออกทะเบียนพัสดุ</source>
        <translation>Export the asset register</translation>
    </message>
    <message>
        <source>เพิ่ม %1 ในทะเบียนแล้ว</source>
        <translation>%1 added to the register</translation>
    </message>
    <message>
        <source>เพิ่มพัสดุ</source>
        <translation>Add asset</translation>
    </message>
    <message>
        <source>เลขทะเบียน</source>
        <translation>Asset no.</translation>
    </message>
    <message>
        <source>เลขทะเบียน ชื่อ หรือสแกน QR แล้วกด Enter</source>
        <translation>Number, name, or scan a QR code and press Enter</translation>
    </message>
    <message>
        <source>เลือกพัสดุจากตาราง หรือสแกน QR</source>
        <translation>Choose an asset in the table, or scan its QR code</translation>
    </message>
    <message>
        <source>แก้ไข</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>แสดง %1 จาก %2 รายการ</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <source>ให้ยืมไม่ได้: %1</source>
        <translation>Cannot be lent: %1</translation>
    </message>
    <message>
        <source>ได้มาเมื่อ</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>ไม่พบพัสดุเลขที่ %1</source>
        <translation>No asset %1</translation>
    </message>
    <message>
        <source>ไม่ให้ยืม</source>
        <translation>not for lending</translation>
    </message>
    <message>
        <source>ไม่ได้นำเข้า: %1 มีแถวที่ไม่ถูกต้อง</source>
        <translation>Nothing imported: %1 has invalid rows</translation>
    </message>
</context>
<context>
    <name>AssetTableModel</name>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>ชื่อพัสดุ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>สถานที่เก็บ</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>หน่วยงานผู้ครอบครอง</source>
        <translation>Holding unit</translation>
    </message>
    <message>
        <source>หมวด</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>เลขทะเบียนพัสดุ</source>
        <translation>Asset no.</translation>
    </message>
</context>
<context>
    <name>BeDateEdit</name>
    <message>
        <source>วัน/เดือน/ปี พ.ศ. เช่น 24/11/2569 (ปี ค.ศ. ก็ได้)</source>
        <translation>Day/month/year in the Buddhist Era, e.g. 24/11/2569 (a Common Era year is accepted too)</translation>
    </message>
</context>
<context>
    <name>BeDateField</name>
    <message>
        <source>ปฏิทิน</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>เลือกจากปฏิทิน</source>
        <translation>Choose on a calendar</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <source>กรุณารอสักครู่</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>ขาดการเชื่อมต่อฐานข้อมูล กำลังลองใหม่…</source>
        <translation>Lost contact with the database, retrying…</translation>
    </message>
    <message>
        <source>จำนวนผู้รอ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>ช่องบริการ</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>รอเรียกคิว</source>
        <translation>Waiting for the first call</translation>
    </message>
    <message>
        <source>หมายเลข</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>เชิญหมายเลข %1 ที่ช่องบริการ %2</source>
        <translation>Number %1, please go to counter %2</translation>
    </message>
    <message>
        <source>ไม่มีเสียง</source>
        <translation>No sound</translation>
    </message>
    <message>
        <source>นัดหมาย</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>รอนาน</source>
        <translation>Waited long</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>%1 น.  ว่าง %2 จาก %3</source>
        <translation>%1  %2 of %3 free</translation>
    </message>
    <message>
        <source>จอง (F9)</source>
        <translation>Book (F9)</translation>
    </message>
    <message>
        <source>จองนัดหมาย</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>จองแล้ว %1 เวลา %2 น. แจ้งรหัสนี้แก่ผู้นัด</source>
        <translation>Booked: %1 at %2. Give this code to the citizen.</translation>
    </message>
    <message>
        <source>ชื่อผู้นัด</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>พิมพ์ใบนัด</source>
        <translation>Print the slip</translation>
    </message>
    <message>
        <source>พิมพ์ใบนัดแล้ว</source>
        <translation>Slip printed</translation>
    </message>
    <message>
        <source>พิมพ์ใบนัดไม่ได้ (เครื่องพิมพ์) การจองยังอยู่ พิมพ์ใหม่ได้</source>
        <translation>The slip was not printed (printer); the booking stands and can be printed again</translation>
    </message>
    <message>
        <source>วันที่นัด</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>วันนี้ไม่มีช่วงเวลาให้นัดสำหรับบริการนี้</source>
        <translation>No appointment slots for this service on this day</translation>
    </message>
    <message>
        <source>เวลา</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ไม่บังคับ</source>
        <translation>optional</translation>
    </message>
</context>
<context>
    <name>BorrowerLoansModel</name>
    <message>
        <source>กำหนดคืน</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>พัสดุ</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>วัตถุประสงค์</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>วันที่ยืม</source>
        <translation>From</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม</source>
        <translation>Loan no.</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>กำหนดตอบสนอง</source>
        <translation>Respond by</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>ผู้แจ้ง</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>รับเรื่อง</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>เลขที่เรื่อง</source>
        <translation>Case no.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>%1: โปรดตั้งรหัสผ่านใหม่ก่อนใช้งาน</source>
        <translation>%1: please set a new password before you go on</translation>
    </message>
    <message>
        <source>กำลังบันทึก…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <source>บันทึกรหัสผ่านใหม่</source>
        <translation>Save the new password</translation>
    </message>
    <message>
        <source>พิมพ์อีกครั้ง</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>รหัสผ่านใหม่</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <source>อย่างน้อย %1 ตัวอักษร ใช้วลียาว ๆ ที่จำง่ายได้ เช่น ประโยคภาษาไทย ไม่ต้องมีตัวพิมพ์ใหญ่หรือสัญลักษณ์ แต่ห้ามเป็นรหัสผ่านที่ใช้กันทั่วไป</source>
        <translation>At least %1 characters. A long phrase you remember easily is welcome, a Thai sentence for instance; no capitals or symbols needed, but not a common password.</translation>
    </message>
</context>
<context>
    <name>CounterChoiceDialog</name>
    <message>
        <source>เครื่องนี้เป็นช่องบริการใด</source>
        <translation>Which counter is this PC?</translation>
    </message>
    <message>
        <source>เลือกช่องบริการ</source>
        <translation>Choose a counter</translation>
    </message>
</context>
<context>
    <name>CounterStateModel</name>
    <message>
        <source>กำลังให้บริการ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ช่อง</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>%1 ให้บริการเสร็จแล้ว</source>
        <translation>%1 served</translation>
    </message>
    <message>
        <source>%1 ไม่มาตามเรียก</source>
        <translation>%1 did not come</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>กำลังให้บริการ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>ข้อผิดพลาดภายใน: %1</source>
        <translation>Internal error: %1</translation>
    </message>
    <message>
        <source>คิวที่รอ (บริการ %1): %2 คน</source>
        <translation>Waiting (services %1): %2</translation>
    </message>
    <message>
        <source>ช่องนี้: เรียก %1 · ส่วนใหญ่รอราว %2 นาที · ให้บริการราว %3 นาทีต่อคน</source>
        <translation>This counter: %1 called · most waited about %2 min · about %3 min per citizen</translation>
    </message>
    <message>
        <source>ช่องบริการ %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>ช่องบริการนี้ปิดอยู่</source>
        <translation>This counter is closed</translation>
    </message>
    <message>
        <source>ทั้งสำนักงาน: ออกบัตร %1 · ให้บริการแล้ว %2 · ส่วนใหญ่รอราว %3 นาที (นานสุด %4) · ได้รับบริการภายในเวลามาตรฐาน %5</source>
        <translation>Whole office: %1 issued · %2 served · most waited about %3 min (longest %4) · served within the standard %5</translation>
    </message>
    <message>
        <source>พิมพ์ซ้ำ</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>พิมพ์บัตรคิว %1 ซ้ำแล้ว</source>
        <translation>Ticket %1 printed again</translation>
    </message>
    <message>
        <source>ยกเลิก: เรียก %1 กลับ</source>
        <translation>Undo: call %1 back</translation>
    </message>
    <message>
        <source>เช็กอินนัดหมาย %1: บัตรคิว %2</source>
        <translation>Appointment %1 checked in: ticket %2</translation>
    </message>
    <message>
        <source>(มาช้า: ต่อคิวตามลำดับปกติ)</source>
        <translation>(late: an ordinary place in the queue)</translation>
    </message>
    <message>
        <source>เช็กอินนัดหมาย</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <source>ยังไม่ได้เรียกคิว</source>
        <translation>Nobody called yet</translation>
    </message>
    <message>
        <source>รอคิว %1 นาที</source>
        <translation>Waited %1 min</translation>
    </message>
    <message>
        <source>รอทั้งสำนักงาน %1 คน</source>
        <translation>Waiting in the whole office: %1</translation>
    </message>
    <message>
        <source>รับบัตร %1</source>
        <translation>ticket taken %1</translation>
    </message>
    <message>
        <source>วันนี้ที่ช่องนี้: ให้บริการแล้ว %1 · ไม่มาตามเรียก %2 · เรียกข้ามคิว %3</source>
        <translation>Today at this counter: served %1 · no-show %2 · out of order %3</translation>
    </message>
    <message>
        <source>สถิติวันนี้</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>ออกบัตรคิว</source>
        <translation>Issue ticket</translation>
    </message>
    <message>
        <source>ออกบัตรคิว %1 แล้ว (รอก่อนหน้า %2 คน)</source>
        <translation>Ticket %1 issued (%2 ahead)</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์ตู้บัตรคิวขัดข้อง: %1</source>
        <translation>The kiosk&apos;s ticket printer is down: %1</translation>
    </message>
    <message>
        <source>เรียก %1 (ข้ามคิว) แล้ว</source>
        <translation>Called %1 (out of order)</translation>
    </message>
    <message>
        <source>เรียก %1 กลับแล้ว</source>
        <translation>%1 called back</translation>
    </message>
    <message>
        <source>เรียก %1 แล้ว</source>
        <translation>Called %1</translation>
    </message>
    <message>
        <source>เรียกข้ามคิว</source>
        <translation>Call out of order</translation>
    </message>
    <message>
        <source>เรียกข้ามคิว: %1</source>
        <translation>called out of order: %1</translation>
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
        <source>เรียกซ้ำ %1 (ครั้งที่ %2)</source>
        <translation>Called %1 again (call %2)</translation>
    </message>
    <message>
        <source>เรียกซ้ำ %1 ครั้ง</source>
        <translation>recalled %1×</translation>
    </message>
    <message>
        <source>เสร็จสิ้น</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>โอน %1 ไปรอที่บริการ %2 แล้ว</source>
        <translation>%1 now waits for service %2</translation>
    </message>
    <message>
        <source>โอนบริการ</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>ให้บริการมาแล้ว %1</source>
        <translation>At the counter for %1</translation>
    </message>
    <message>
        <source>ไม่มาตามเรียก</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>ไม่มีคิวรอสำหรับช่องนี้</source>
        <translation>Nobody is waiting for this counter</translation>
    </message>
</context>
<context>
    <name>CountersAdminModel</name>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ช่อง</source>
        <translation>Counter</translation>
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
    <name>CustodianWindow</name>
    <message>
        <source>ความเห็นผู้บังคับบัญชา (ถ้ามี)</source>
        <translation>Superior&apos;s remark (optional)</translation>
    </message>
    <message>
        <source>บันทึก PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>บันทึก PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>บันทึกแล้ว: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>ผลการตรวจสอบที่ได้ดำเนินการในเดือนนี้ เช่น ตรวจนับ ติดตามทวงคืน</source>
        <translation>Checks done this month, e.g. counts, follow-ups</translation>
    </message>
    <message>
        <source>ผู้รายงาน %1 เมื่อ %2</source>
        <translation>Reported by %1 on %2</translation>
    </message>
    <message>
        <source>ยังไม่ส่ง</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>ยืม %1 ครั้ง %2 รายการ ชำรุด %3 สูญหาย %4 ยังไม่คืน %5</source>
        <translation>%1 loans, %2 items, %3 damaged, %4 lost, %5 not returned</translation>
    </message>
    <message>
        <source>รายงานผู้ดูแลพัสดุต่อผู้บังคับบัญชา</source>
        <translation>Custodian&apos;s report to the superior</translation>
    </message>
    <message>
        <source>รายงานผู้ดูแลพัสดุประจำเดือน</source>
        <translation>Custodian&apos;s monthly report</translation>
    </message>
    <message>
        <source>ลงนามรับรอง</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>ลงนามรับรองรายงานเดือน%1แล้ว</source>
        <translation>Report for %1 signed off</translation>
    </message>
    <message>
        <source>ลงนามรับรองแล้ว</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <source>ลงนามรับรองโดย %1 เมื่อ %2</source>
        <translation>Signed off by %1 on %2</translation>
    </message>
    <message>
        <source>ส่งรายงาน</source>
        <translation>Submit report</translation>
    </message>
    <message>
        <source>ส่งรายงานเดือน%1แล้ว</source>
        <translation>Report for %1 submitted</translation>
    </message>
    <message>
        <source>ส่งแล้ว รอลงนาม</source>
        <translation>Submitted, awaiting sign-off</translation>
    </message>
    <message>
        <source>เดือน (ค.ศ.)</source>
        <translation>Month (CE)</translation>
    </message>
</context>
<context>
    <name>DelegationDialog</name>
    <message>
        <source>%1 รักษาการแทน %2 แล้ว</source>
        <translation>%1 now acts as %2</translation>
    </message>
    <message>
        <source>จนกว่าจะยกเลิก</source>
        <translation>until revoked</translation>
    </message>
    <message>
        <source>ตั้งแต่</source>
        <translation>From</translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>ถึงวันที่ (วว/ดด/ปปปป พ.ศ. ว่าง = จนกว่าจะยกเลิก)</source>
        <translation>Until (dd/mm/yyyy BE; blank = until revoked)</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ผู้รักษาการแทน</source>
        <translation>Acting</translation>
    </message>
    <message>
        <source>ผู้รักษาการแทนหัวหน้าที่มีผลอยู่หรือกำลังจะเริ่ม: ใคร แทนใคร ถึงเมื่อใด</source>
        <translation>Acting heads in force or about to start: who acts for whom, until when</translation>
    </message>
    <message>
        <source>มอบหมาย</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>มีผลวันนี้</source>
        <translation>in force today</translation>
    </message>
    <message>
        <source>ยกเลิกการรักษาการแทนของ %1 แล้ว</source>
        <translation>%1&apos;s delegation revoked</translation>
    </message>
    <message>
        <source>ยกเลิกรายการที่เลือก</source>
        <translation>Revoke the selected one</translation>
    </message>
    <message>
        <source>ยังไม่เริ่ม</source>
        <translation>not yet started</translation>
    </message>
    <message>
        <source>รักษาการแทน</source>
        <translation>Acting heads</translation>
    </message>
    <message>
        <source>รักษาการในตำแหน่ง</source>
        <translation>Acts as</translation>
    </message>
    <message>
        <source>วันสิ้นสุดต้องเป็น วว/ดด/ปปปป (พ.ศ.)</source>
        <translation>The last day must be dd/mm/yyyy (Buddhist Era)</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>หมายเหตุ (เช่น เลขที่คำสั่ง)</source>
        <translation>Note (e.g. the order number)</translation>
    </message>
    <message>
        <source>แทน</source>
        <translation>For</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <source>จอแสดงคิว (board)</source>
        <translation>Queue board (board)</translation>
    </message>
    <message>
        <source>ชนิด</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ชื่อเครื่อง</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>ตู้ออกบัตรคิว (kiosk)</source>
        <translation>Ticket kiosk (kiosk)</translation>
    </message>
    <message>
        <source>ยกเลิกแล้ว</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>State</translation>
    </message>
    <message>
        <source>เพิ่มเมื่อ</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>เพิ่มโดย</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>ใช้งานได้</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>ชนิด</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ชื่อเครื่อง (a–z 0–9 . _ -)</source>
        <translation>Device name (a–z 0–9 . _ -)</translation>
    </message>
    <message>
        <source>ตู้ออกบัตรคิวและจอแสดงคิวใช้โทเค็นของเครื่อง ไม่ใช้รหัสผ่านของเจ้าหน้าที่ ตู้ออกบัตรคิวออกบัตรและพิมพ์ซ้ำได้เท่านั้น จอแสดงคิวอ่านได้อย่างเดียว</source>
        <translation>Ticket kiosks and queue boards use a device token, not a member of staff&apos;s password. A kiosk may only issue and reprint tickets; a board may only read.</translation>
    </message>
    <message>
        <source>ยกเลิกเครื่อง %1 แล้ว</source>
        <translation>Device %1 revoked</translation>
    </message>
    <message>
        <source>ยกเลิกโทเค็น</source>
        <translation>Revoke the token</translation>
    </message>
    <message>
        <source>ยกเลิกโทเค็นของ %1? เครื่องนั้นจะใช้งานไม่ได้ทันที</source>
        <translation>Revoke %1&apos;s token? That PC stops working at once.</translation>
    </message>
    <message>
        <source>เพิ่มเครื่อง %1 แล้ว</source>
        <translation>Device %1 added</translation>
    </message>
    <message>
        <source>เพิ่มเครื่องและสร้างโทเค็น</source>
        <translation>Add the device and make its token</translation>
    </message>
    <message>
        <source>เลือกเครื่องที่จะยกเลิกก่อน</source>
        <translation>Select the device to revoke first</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source> · นำเข้าพัสดุ %1 รายการ</source>
        <translation> · %1 assets imported</translation>
    </message>
    <message>
        <source>กำลังสร้างสำนักงาน…</source>
        <translation>Creating the office…</translation>
    </message>
    <message>
        <source>ชื่อบริการ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>ชื่อสำนักงาน (อังกฤษ)</source>
        <translation>Office name (English)</translation>
    </message>
    <message>
        <source>ชื่อสำนักงาน (ไทย)</source>
        <translation>Office name (Thai)</translation>
    </message>
    <message>
        <source>ชื่ออังกฤษ</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>ชื่อ–นามสกุล</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>ช่องบริการ</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>ตั้งค่าสำนักงานครั้งแรก</source>
        <translation>First-time office set-up</translation>
    </message>
    <message>
        <source>นาที</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>นำเข้าทะเบียนพัสดุ (ไม่บังคับ)</source>
        <translation>Import an asset register (optional)</translation>
    </message>
    <message>
        <source>บริการและช่องบริการ</source>
        <translation>Services and counters</translation>
    </message>
    <message>
        <source>ผู้ดูแลระบบคนแรก</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>พิมพ์หน้าทดสอบ</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <source>พิมพ์หน้าทดสอบแล้ว</source>
        <translation>The test page is printed</translation>
    </message>
    <message>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>รหัสบริการ</source>
        <translation>Service codes</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>รหัสผ่านอีกครั้ง</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>ลบแถวที่เลือก</source>
        <translation>Remove the selected row</translation>
    </message>
    <message>
        <source>สร้างสำนักงานแล้ว</source>
        <translation>The office is created</translation>
    </message>
    <message>
        <source>สร้างสำนักงานแล้ว เข้าสู่ระบบด้วยผู้ดูแลระบบที่เพิ่งตั้ง</source>
        <translation>The office is created. Log in as the administrator you have just set up.</translation>
    </message>
    <message>
        <source>สำนักงาน</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์บัตรคิวของเครื่องนี้</source>
        <translation>This PC&apos;s ticket printer</translation>
    </message>
    <message>
        <source>เช่น network://192.168.1.50:9100, usb://0x04b8:0x0202, none (ไม่มี)</source>
        <translation>e.g. network://192.168.1.50:9100, usb://0x04b8:0x0202, none</translation>
    </message>
    <message>
        <source>เพิ่มแถว</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>เริ่มจากแบบของสำนักงานเขต แก้ไข เพิ่ม หรือลบแถวได้</source>
        <translation>Starting from a district office template: edit, add or remove rows</translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation>Choose a file…</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>บันทึกการติดตามทวงคืน (ข้อ 211)</source>
        <translation>Record a follow-up (clause 211)</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>วิธีติดตาม</source>
        <translation>Means</translation>
    </message>
    <message>
        <source>หนังสือ</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>อื่น ๆ</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>ใบยืม %1 · %2 · ต้องติดตามภายใน %3</source>
        <translation>Loan %1 · %2 · follow up by %3</translation>
    </message>
    <message>
        <source>ไปพบ</source>
        <translation>Visit</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>%1: %2 แถว มีข้อผิดพลาด %3 แถว ยังไม่ได้นำเข้าสักแถว</source>
        <translation>%1: %2 rows, %3 with errors; nothing has been imported yet</translation>
    </message>
    <message>
        <source>ข้อผิดพลาด</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>ช่อง</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>นำเข้าเฉพาะแถวที่ถูกต้อง (%1 แถว)</source>
        <translation>Import the valid rows only (%1)</translation>
    </message>
    <message>
        <source>รายงานการนำเข้า</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>แถวที่</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>ไม่นำเข้า</source>
        <translation>Import nothing</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>ข้อ</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>ช่วงที่ยืม</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>พัสดุ</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>อนุมัติในฐานะ</source>
        <translation>Approve as</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม</source>
        <translation>Loan no.</translation>
    </message>
</context>
<context>
    <name>IntegrityLauncher</name>
    <message>
        <source>การขอยืมพัสดุ</source>
        <translation>Loan requests</translation>
    </message>
    <message>
        <source>กำหนดตอบสนองเรื่องแจ้งเบาะแส (วัน)</source>
        <translation>Response time for misuse reports (days)</translation>
    </message>
    <message>
        <source>ความโปร่งใส (แนวทางการยืม เรื่องแจ้งเบาะแส)</source>
        <translation>Transparency (borrowing guideline, misuse reports)</translation>
    </message>
    <message>
        <source>ชุดหลักฐาน ITA…</source>
        <translation>ITA evidence pack…</translation>
    </message>
    <message>
        <source>ติดตามเรื่องที่แจ้ง</source>
        <translation>Follow a report</translation>
    </message>
    <message>
        <source>ต้องรับทราบแนวทางก่อนขอยืม</source>
        <translation>The guideline must be acknowledged before a request</translation>
    </message>
    <message>
        <source>บันทึกชุดหลักฐาน ITA ปีงบประมาณ %1 แล้ว: %2</source>
        <translation>ITA evidence pack for fiscal year %1 saved: %2</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบเรื่องแจ้งเบาะแสเพิ่มเติม</source>
        <translation>Further handlers of misuse reports (usernames)</translation>
    </message>
    <message>
        <source>รายงานผู้ดูแลพัสดุประจำเดือน</source>
        <translation>Custodian&apos;s monthly report</translation>
    </message>
    <message>
        <source>สถานการณ์การยืมพัสดุ</source>
        <translation>Loan situation</translation>
    </message>
    <message>
        <source>สรุปสำหรับผู้บังคับบัญชา</source>
        <translation>Supervision summary</translation>
    </message>
    <message>
        <source>เรื่องแจ้งเบาะแส (ผู้รับผิดชอบ)</source>
        <translation>Misuse reports (handler)</translation>
    </message>
    <message>
        <source>แจ้งเบาะแสการใช้พัสดุไม่ถูกต้อง</source>
        <translation>Report misuse of property</translation>
    </message>
    <message>
        <source>แนวทางการยืมพัสดุ</source>
        <translation>Borrowing guideline</translation>
    </message>
    <message>
        <source>ไม่บังคับ</source>
        <translation>Not required</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>คิวพิเศษ</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>ออกบัตรคิวที่ช่องบริการ</source>
        <translation>Issue a ticket at the counter</translation>
    </message>
    <message>
        <source>ไม่ใช่</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>%1: เลือกบริการด้านล่าง</source>
        <translation>%1: now choose a service below</translation>
    </message>
    <message>
        <source>PIN ไม่ถูกต้อง</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>กรุณารับบัตรคิวที่ช่องด้านล่าง</source>
        <translation>Please take your ticket below</translation>
    </message>
    <message>
        <source>กำลังพิมพ์บัตรคิว…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>มาช้ากว่าเวลานัด: ได้รับบัตรคิวปกติ ต่อคิวตามลำดับ</source>
        <translation>Later than your appointment: an ordinary ticket, in queue order</translation>
    </message>
    <message>
        <source>ขออภัย ออกบัตรคิวไม่ได้ กรุณาติดต่อเจ้าหน้าที่ที่เคาน์เตอร์</source>
        <translation>Sorry, no ticket could be issued. Please ask at the counter.</translation>
    </message>
    <message>
        <source>มีนัดหมาย (เช็กอินด้วยรหัสบนใบนัด)</source>
        <translation>I have an appointment (check in with the code on your slip)</translation>
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
        <source>ผู้สูงอายุ คนพิการ หญิงตั้งครรภ์ และพระภิกษุสงฆ์ได้รับบริการก่อน: แตะเลือกก่อนเลือกบริการ</source>
        <translation>Elderly and disabled people, pregnant women and monks are served first: tap your group before the service</translation>
    </message>
    <message>
        <source>มีผู้รอก่อนท่าน %1 คน · รอประมาณ %2 นาที</source>
        <translation>%1 people ahead of you · about %2 minutes</translation>
    </message>
    <message>
        <source>ยังไม่เปิดให้บริการ กรุณาติดต่อเจ้าหน้าที่</source>
        <translation>No service is open yet. Please ask the staff.</translation>
    </message>
    <message>
        <source>ระบบขัดข้องชั่วคราว กรุณาติดต่อเจ้าหน้าที่ที่เคาน์เตอร์</source>
        <translation>The system is temporarily unavailable. Please ask at the counter.</translation>
    </message>
    <message>
        <source>สำหรับเจ้าหน้าที่: เข้าสู่ระบบเพื่อออกจากตู้ออกบัตรคิว</source>
        <translation>For staff: log in to leave the ticket kiosk</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์ขัดข้อง: กรุณาจำหมายเลขคิวนี้ แล้วแจ้งเจ้าหน้าที่ที่เคาน์เตอร์</source>
        <translation>Printer fault: please remember this number and tell the staff at the counter</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์บัตรคิวขัดข้อง: ท่านยังรับหมายเลขคิวได้ โปรดจำหมายเลขบนหน้าจอ แล้วแจ้งเจ้าหน้าที่ที่เคาน์เตอร์</source>
        <translation>The ticket printer is out of order: you can still take a number. Please remember the number on the screen and tell the staff at the counter</translation>
    </message>
    <message>
        <source>แตะเลือกบริการเพื่อรับบัตรคิว</source>
        <translation>Tap a service to get your queue ticket</translation>
    </message>
    <message>
        <source>ไม่มีผู้รอก่อนท่าน กรุณารอเรียกสักครู่</source>
        <translation>Nobody is ahead of you; you will be called shortly</translation>
    </message>
</context>
<context>
    <name>LetterNumberDialog</name>
    <message>
        <source>เลขที่หนังสือออก</source>
        <translation>Outgoing letter number</translation>
    </message>
    <message>
        <source>เลขที่หนังสือออกจากทะเบียนหนังสือส่ง (เว้นว่างไว้เพื่อเขียนภายหลัง)</source>
        <translation>The outgoing number from the correspondence register (leave blank to write it in by hand)</translation>
    </message>
</context>
<context>
    <name>LoanDeskWindow</name>
    <message>
        <source>KhetDesk — งานยืมพัสดุ</source>
        <translation>KhetDesk — Loan desk</translation>
    </message>
    <message>
        <source>ขอยืม (Ctrl+N)</source>
        <translation>New request (Ctrl+N)</translation>
    </message>
    <message>
        <source>ข้อมูล ณ %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <source>งานยืมพัสดุ · %1</source>
        <translation>Loan desk · %1</translation>
    </message>
    <message>
        <source>ชดใช้ (F8)</source>
        <translation>Settle (F8)</translation>
    </message>
    <message>
        <source>ทะเบียนคุมการยืม</source>
        <translation>Loan register</translation>
    </message>
    <message>
        <source>ทะเบียนคุมการยืมพัสดุ %1 – %2</source>
        <translation>Loan register %1 – %2</translation>
    </message>
    <message>
        <source>ทะเบียนพัสดุ (Ctrl+R)</source>
        <translation>Asset register (Ctrl+R)</translation>
    </message>
    <message>
        <source>บันทึกการชดใช้ %1 แล้ว · ใบยืม %2: %3</source>
        <translation>Settlement of %1 recorded · loan %2: %3</translation>
    </message>
    <message>
        <source>บันทึกการตรวจรับคืนพัสดุ %1</source>
        <translation>Return record %1</translation>
    </message>
    <message>
        <source>บันทึกการติดตาม (F11)</source>
        <translation>Record follow-up (F11)</translation>
    </message>
    <message>
        <source>บันทึกการติดตามใบยืม %1 แล้ว</source>
        <translation>Follow-up of loan %1 recorded</translation>
    </message>
    <message>
        <source>บันทึกตรวจรับคืน (Ctrl+P)</source>
        <translation>Return record (Ctrl+P)</translation>
    </message>
    <message>
        <source>ประวัติผู้ยืม</source>
        <translation>Borrower history</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>ยืมทั้งหมด %1 ครั้ง · ยังไม่คืน %2 ใบ</source>
        <translation>%1 loans in all · %2 not returned</translation>
    </message>
    <message>
        <source>ยืมอยู่ (%1)</source>
        <translation>On loan (%1)</translation>
    </message>
    <message>
        <source>รอชดใช้ (%1)</source>
        <translation>To settle (%1)</translation>
    </message>
    <message>
        <source>รอส่งมอบ (%1)</source>
        <translation>To hand over (%1)</translation>
    </message>
    <message>
        <source>รับคืน/ตรวจสภาพ (F7)</source>
        <translation>Take return / inspect (F7)</translation>
    </message>
    <message>
        <source>รับคืนตามใบยืม %1 แล้ว</source>
        <translation>Loan %1 returned</translation>
    </message>
    <message>
        <source>รายงานการใช้พัสดุ</source>
        <translation>Asset-use report</translation>
    </message>
    <message>
        <source>รายงานการใช้พัสดุ %1 – %2</source>
        <translation>Asset-use report %1 – %2</translation>
    </message>
    <message>
        <source>รายงานช่วงวันที่</source>
        <translation>Reports from</translation>
    </message>
    <message>
        <source>ส่งมอบตามใบยืม %1 แล้ว กำหนดคืน %2</source>
        <translation>Loan %1 handed over, due %2</translation>
    </message>
    <message>
        <source>ส่งมอบพัสดุ (F6)</source>
        <translation>Hand over (F6)</translation>
    </message>
    <message>
        <source>ส่งมอบพัสดุตามใบยืม %1 ให้ %2 (%3)?</source>
        <translation>Hand over loan %1 to %2 (%3)?</translation>
    </message>
    <message>
        <source>หนังสือติดตามทวงคืน %1</source>
        <translation>Follow-up letter %1</translation>
    </message>
    <message>
        <source>หนังสือติดตามทวงคืน (Ctrl+P)</source>
        <translation>Follow-up letter (Ctrl+P)</translation>
    </message>
    <message>
        <source>เกินกำหนด (%1)</source>
        <translation>Overdue (%1)</translation>
    </message>
    <message>
        <source>ใบยืม %1 ยังรอการชดใช้ %2 (แท็บรอชดใช้)</source>
        <translation>Loan %1 still awaits settlement of %2 (Settlement tab)</translation>
    </message>
    <message>
        <source>ใบยืม (Ctrl+P)</source>
        <translation>Loan record (Ctrl+P)</translation>
    </message>
    <message>
        <source>ใบยืมพัสดุ %1</source>
        <translation>Loan record %1</translation>
    </message>
    <message>
        <source>— เลือกผู้ยืม —</source>
        <translation>— choose a borrower —</translation>
    </message>
</context>
<context>
    <name>LoanInboxWindow</name>
    <message>
        <source>KhetDesk — รายการรออนุมัติ</source>
        <translation>KhetDesk — Approvals</translation>
    </message>
    <message>
        <source>ดูใบยืม (Ctrl+P)</source>
        <translation>Loan record (Ctrl+P)</translation>
    </message>
    <message>
        <source>ท่านอนุมัติในฐานะผู้รักษาการแทน%1 ตามที่ได้รับมอบอำนาจ</source>
        <translation>You approve on behalf of the %1 under a delegation</translation>
    </message>
    <message>
        <source>ท่านอนุมัติใบยืมนี้ไม่ได้: %1</source>
        <translation>You may not approve this loan: %1</translation>
    </message>
    <message>
        <source>พิมพ์หรือสแกนเลขที่ใบยืม</source>
        <translation>Type or scan a loan number</translation>
    </message>
    <message>
        <source>รักษาการแทน…</source>
        <translation>Acting heads…</translation>
    </message>
    <message>
        <source>รายการรออนุมัติของ %1: %2 รายการ</source>
        <translation>Awaiting approval by %1: %2</translation>
    </message>
    <message>
        <source>อนุมัติ (F9)</source>
        <translation>Approve (F9)</translation>
    </message>
    <message>
        <source>อนุมัติใบยืม %1 ของ %2 ตามข้อ %3?</source>
        <translation>Approve loan %1 of %2 under clause %3?</translation>
    </message>
    <message>
        <source>อนุมัติใบยืม %1 แล้ว</source>
        <translation>Loan %1 approved</translation>
    </message>
    <message>
        <source>เปิดใบยืมเลขที่ (F2)</source>
        <translation>Open loan no. (F2)</translation>
    </message>
    <message>
        <source>เหตุผลที่ไม่อนุมัติใบยืม %1 (ต้องระบุ ข้อ 207)</source>
        <translation>Why loan %1 is rejected (required, clause 207)</translation>
    </message>
    <message>
        <source>ไม่มีคำขอยืมที่ท่านมีอำนาจอนุมัติ</source>
        <translation>No requests that you may approve</translation>
    </message>
    <message>
        <source>ไม่อนุมัติ</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>ไม่อนุมัติ (F10)</source>
        <translation>Reject (F10)</translation>
    </message>
    <message>
        <source>ไม่อนุมัติการยืม</source>
        <translation>Reject the loan</translation>
    </message>
    <message>
        <source>ไม่อนุมัติใบยืม %1 แล้ว</source>
        <translation>Loan %1 rejected</translation>
    </message>
</context>
<context>
    <name>LoanRequestWindow</name>
    <message>
        <source>%1 อยู่ในรายการแล้ว</source>
        <translation>%1 is on the list already</translation>
    </message>
    <message>
        <source>KhetDesk — ขอยืมพัสดุ</source>
        <translation>KhetDesk — Borrow supplies</translation>
    </message>
    <message>
        <source>การใช้พัสดุ</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>กำลังตรวจสอบผู้อนุมัติ…</source>
        <translation>Finding the approver…</translation>
    </message>
    <message>
        <source>กำหนดส่งคืน</source>
        <translation>Return by</translation>
    </message>
    <message>
        <source>ขอยืมพัสดุ</source>
        <translation>Borrow supplies</translation>
    </message>
    <message>
        <source>ความจำเป็น</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>คำรับรอง</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>จำเป็นเร่งด่วน จัดหาเองไม่ทัน (ข้อ 210)</source>
        <translation>Urgent; cannot be procured in time (clause 210)</translation>
    </message>
    <message>
        <source>ชื่อ-สกุลผู้ยืม</source>
        <translation>Borrower&apos;s full name</translation>
    </message>
    <message>
        <source>ชื่อพัสดุ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ชื่อหน่วยงานผู้ยืม</source>
        <translation>Borrowing agency</translation>
    </message>
    <message>
        <source>ดูใบยืม / พิมพ์ (Ctrl+P)</source>
        <translation>View / print loan record (Ctrl+P)</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>ต้องได้รับอนุมัติจาก: %1 (%2)</source>
        <translation>To be approved by: %1 (%2)</translation>
    </message>
    <message>
        <source>นำออกไปใช้นอกสถานที่</source>
        <translation>Off the premises</translation>
    </message>
    <message>
        <source>บุคคล (ข้าราชการ/เจ้าหน้าที่)</source>
        <translation>A person (official or staff)</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ผู้ติดต่อ / โทรศัพท์</source>
        <translation>Contact / telephone</translation>
    </message>
    <message>
        <source>ผู้มีอำนาจลงนาม</source>
        <translation>Signing official</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>ผู้อนุมัติ: เพิ่มพัสดุที่ขอยืมก่อน ระบบจะแสดงผู้มีอำนาจอนุมัติตามระเบียบ</source>
        <translation>Approver: add the items first; the official who must approve is then shown</translation>
    </message>
    <message>
        <source>ผู้อนุมัติ: เลือกว่าใช้ภายในสถานที่หรือนำออกไปนอกสถานที่ เพื่อกำหนดผู้อนุมัติ (ข้อ 208)</source>
        <translation>Approver: choose on or off the premises; it decides who approves (clause 208)</translation>
    </message>
    <message>
        <source>พัสดุที่ขอยืม</source>
        <translation>Items to borrow</translation>
    </message>
    <message>
        <source>ภายในสถานที่ของหน่วยงาน</source>
        <translation>On the premises</translation>
    </message>
    <message>
        <source>ยังไม่มีผู้ใช้ในบทบาทนี้</source>
        <translation>no user has this role yet</translation>
    </message>
    <message>
        <source>ยืม %1 วัน</source>
        <translation>%1-day loan</translation>
    </message>
    <message>
        <source>ยืมไปใช้เพื่อประโยชน์ของทางราชการเท่านั้น (ข้อ 207)</source>
        <translation>For official use only (clause 207)</translation>
    </message>
    <message>
        <source>ยืมไม่ได้: %1</source>
        <translation>Cannot be lent: %1</translation>
    </message>
    <message>
        <source>วันคืนก่อนวันยืม</source>
        <translation>due before the start</translation>
    </message>
    <message>
        <source>วันที่ยืม</source>
        <translation>From</translation>
    </message>
    <message>
        <source>สถานที่นำไปใช้</source>
        <translation>Place of use</translation>
    </message>
    <message>
        <source>สังกัด</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>สแกน QR หรือพิมพ์เลขทะเบียนพัสดุ แล้วกด Enter</source>
        <translation>Scan a QR code or type an asset number and press Enter</translation>
    </message>
    <message>
        <source>ส่งคำขอยืม (Ctrl+Enter)</source>
        <translation>Send request (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>ส่งคำขอยืมแล้ว ใบยืมเลขที่ %1 รออนุมัติจาก%2</source>
        <translation>Request sent: loan %1 awaits the approval of the %2</translation>
    </message>
    <message>
        <source>หน่วยงานของรัฐอื่น</source>
        <translation>Another state agency</translation>
    </message>
    <message>
        <source>เพราะ ข้อ %1: %2</source>
        <translation>Because of clause %1: %2</translation>
    </message>
    <message>
        <source>เพิ่ม</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>เลขทะเบียน</source>
        <translation>Asset no.</translation>
    </message>
    <message>
        <source>เหตุผลและวัตถุประสงค์</source>
        <translation>Reason and purpose</translation>
    </message>
    <message>
        <source>เอาออก</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>ใช้ที่ใด</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>ใบยืมพัสดุ เลขที่ %1</source>
        <translation>Loan record no. %1</translation>
    </message>
    <message>
        <source>ใบยืมหนึ่งใบยืมได้เฉพาะครุภัณฑ์หรือวัสดุอย่างใดอย่างหนึ่ง กรุณาแยกเป็นสองคำขอ</source>
        <translation>One loan holds durable or consumable items, not both: make two requests</translation>
    </message>
</context>
<context>
    <name>LoanSituationWindow</name>
    <message>
        <source>ข้อมูล ณ %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <source>ค้นหา: เลขที่ใบยืม หมายเลขพัสดุ ชื่อ ผู้ยืม</source>
        <translation>Search: loan no., asset no., name, borrower</translation>
    </message>
    <message>
        <source>ทุกหน่วยงาน</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>บันทึก PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>บันทึก PDF สำหรับบอร์ด…</source>
        <translation>Save PDF for the notice board…</translation>
    </message>
    <message>
        <source>บันทึกแล้ว: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>ยืมอยู่ %1 รายการ (%2 ใบยืม) · เกินกำหนด %3 ใบ · พ้นกำหนดติดตามข้อ 211 โดยยังไม่ติดตาม %4 ใบ · รออนุมัติ %5 ใบ</source>
        <translation>%1 items out (%2 loans) · %3 loans overdue · %4 past the clause-211 deadline without follow-up · %5 awaiting approval</translation>
    </message>
    <message>
        <source>สถานการณ์การยืมพัสดุ</source>
        <translation>Loan situation</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>เฉพาะที่เกินกำหนด</source>
        <translation>Overdue only</translation>
    </message>
</context>
<context>
    <name>LoanSummaryModel</name>
    <message>
        <source>กำหนดคืน</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>ข้อ</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>พัสดุ</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>วันที่ยืม</source>
        <translation>From</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>สังกัด</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม</source>
        <translation>Loan no.</translation>
    </message>
</context>
<context>
    <name>LoanTexts</name>
    <message>
        <source>%1 ครั้ง ล่าสุด %2</source>
        <translation>%1 times, last %2</translation>
    </message>
    <message>
        <source>%1 ชั่วโมง</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>%1 บาท</source>
        <translation>%1 baht</translation>
    </message>
    <message>
        <source>%1 วัน %2 ชั่วโมง</source>
        <translation>%1 days %2 hours</translation>
    </message>
    <message>
        <source>%1 วัน ต้องติดตามภายใน %2</source>
        <translation>%1 days; follow up by %2</translation>
    </message>
    <message>
        <source>ข้อ</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>ข้อผิดพลาดภายใน: %1</source>
        <translation>Internal error: %1</translation>
    </message>
    <message>
        <source>ครุภัณฑ์</source>
        <translation>Durable</translation>
    </message>
    <message>
        <source>คืนแล้ว รอชดใช้</source>
        <translation>Returned, to settle</translation>
    </message>
    <message>
        <source>จองแล้ว</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>จำหน่ายแล้ว</source>
        <translation>Written off</translation>
    </message>
    <message>
        <source>ชำรุด</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>ชำรุด รอซ่อม</source>
        <translation>Under repair</translation>
    </message>
    <message>
        <source>ชื่อพัสดุ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ช่วงที่ยืม</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>ถูกยืม</source>
        <translation>On loan</translation>
    </message>
    <message>
        <source>นอกสถานที่</source>
        <translation>off the premises</translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>ประวัติผู้ยืม</source>
        <translation>Borrower&apos;s record</translation>
    </message>
    <message>
        <source>ปิดแล้ว</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>ผู้พิจารณา</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>ผู้ยื่นคำขอ</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>ผู้อนุมัติตามระเบียบ</source>
        <translation>Approver (regulation)</translation>
    </message>
    <message>
        <source>พร้อมให้ยืม</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>ภายในสถานที่</source>
        <translation>on the premises</translation>
    </message>
    <message>
        <source>มูลค่าพัสดุ</source>
        <translation>Items&apos; value</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>ยังไม่เคยยืม</source>
        <translation>No earlier loans</translation>
    </message>
    <message>
        <source>ยังไม่ได้ติดตาม</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>รอพิจารณามาแล้ว</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>รออนุมัติ</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>รักษาการแทน %1</source>
        <translation>On behalf of the %1</translation>
    </message>
    <message>
        <source>รายการพัสดุ</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>วัตถุประสงค์</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>วัสดุ</source>
        <translation>Consumable</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>สภาพ</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>สภาพดี</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>สูญหาย</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>หน่วยงานของรัฐ</source>
        <translation>State agency</translation>
    </message>
    <message>
        <source>หัวหน้าหน่วยงานของรัฐ</source>
        <translation>head of the agency</translation>
    </message>
    <message>
        <source>หัวหน้าหน่วยพัสดุผู้ครอบครองพัสดุ</source>
        <translation>head of the supply unit holding it</translation>
    </message>
    <message>
        <source>อนุมัติแล้ว รอส่งมอบ</source>
        <translation>Approved, to hand over</translation>
    </message>
    <message>
        <source>อยู่ระหว่างยืม</source>
        <translation>On loan</translation>
    </message>
    <message>
        <source>เกินกำหนด</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>เคยยืม %1 ครั้ง · คืนช้า %2 ครั้ง · ชำรุดหรือสูญหาย %3 รายการ</source>
        <translation>%1 earlier loans · %2 returned late · %3 items damaged or lost</translation>
    </message>
    <message>
        <source>เลขทะเบียน</source>
        <translation>Asset no.</translation>
    </message>
    <message>
        <source>ใช้ที่</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>ใบยืมเลขที่</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>ไม่อนุมัติ</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Caps Lock เปิดอยู่: รหัสผ่านจะเป็นตัวพิมพ์ใหญ่</source>
        <translation>Caps Lock is on: the password will be typed in capitals</translation>
    </message>
    <message>
        <source>กรุณาใส่ชื่อผู้ใช้และรหัสผ่าน</source>
        <translation>Please enter your username and password</translation>
    </message>
    <message>
        <source>กำลังตรวจสอบ…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>ต้องตั้งรหัสผ่านใหม่ก่อนเข้าใช้งาน</source>
        <translation>You must set a new password before you can go on</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>รหัสผ่าน demo ใช้ได้เฉพาะในสำนักงานตัวอย่างที่สร้างด้วย init --demo สำนักงานจริงต้องใช้รหัสผ่านอย่างน้อย 8 ตัวอักษรที่ไม่ใช่รหัสผ่านที่ใช้กันทั่วไป</source>
        <translation>The password demo works only in the demo office made by init --demo. A real office needs passwords of at least 8 characters that are not common ones.</translation>
    </message>
    <message>
        <source>สำนักงานตัวอย่าง: ผู้ใช้ %1 รหัสผ่าน %2</source>
        <translation>Demo office: users %1, password %2</translation>
    </message>
    <message>
        <source>เข้าสู่ระบบ</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>เข้าสู่ระบบ KhetDesk</source>
        <translation>KhetDesk login</translation>
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
        <source>รอรับบริการ %1 คน · ปรับปรุงล่าสุด %2</source>
        <translation>%1 waiting · updated %2</translation>
    </message>
    <message>
        <source>วันที่ %1</source>
        <translation>Date %1</translation>
    </message>
    <message>
        <source>อ่านข้อมูลไม่ได้: %1</source>
        <translation>Cannot read the data: %1</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <source>คู่มือการใช้งาน KhetDesk</source>
        <translation>KhetDesk user guide</translation>
    </message>
    <message>
        <source>ไม่พบคู่มือ (%1)</source>
        <translation>The user guide is missing (%1)</translation>
    </message>
</context>
<context>
    <name>MisuseCasesWindow</name>
    <message>
        <source>บันทึกความคืบหน้า</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>บันทึกความคืบหน้า (ผู้แจ้งอ่านได้ผ่านรหัสติดตาม)</source>
        <translation>Progress note (the reporter reads it with the tracking code)</translation>
    </message>
    <message>
        <source>บันทึกความคืบหน้าเรื่อง %1 แล้ว</source>
        <translation>Progress of %1 recorded</translation>
    </message>
    <message>
        <source>บันทึกไฟล์แนบ</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>บันทึกไฟล์แนบ…</source>
        <translation>Save attachment…</translation>
    </message>
    <message>
        <source>เรื่องแจ้งเบาะแส</source>
        <translation>Misuse reports</translation>
    </message>
    <message>
        <source>เรื่องแจ้งเบาะแสการใช้ทรัพย์สินของราชการ</source>
        <translation>Reports of misuse of government property</translation>
    </message>
    <message>
        <source>เลือกเรื่องทางซ้าย</source>
        <translation>Choose a case on the left</translation>
    </message>
    <message>
        <source>ไม่ระบุตัวตน</source>
        <translation>Anonymous</translation>
    </message>
</context>
<context>
    <name>MisuseReportDialog</name>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>รับเรื่องเลขที่ %1 แล้ว
รหัสติดตามเรื่อง: %2
เก็บรหัสนี้ไว้ ใช้ติดตามได้โดยไม่ต้องเข้าสู่ระบบ</source>
        <translation>Report %1 received.
Tracking code: %2
Keep this code: it follows the case without logging in.</translation>
    </message>
    <message>
        <source>ส่งเรื่อง</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>หมายเลขพัสดุ (ถ้ามี)</source>
        <translation>Asset no. (if any)</translation>
    </message>
    <message>
        <source>หลักฐาน</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>เรื่องที่แจ้ง</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม (ถ้ามี)</source>
        <translation>Loan no. (if any)</translation>
    </message>
    <message>
        <source>เลือกหลักฐาน</source>
        <translation>Choose evidence</translation>
    </message>
    <message>
        <source>เลือกไม่ระบุตัวตน: เรื่องนี้จะไม่เชื่อมโยงกับบัญชีของท่านทั้งในข้อมูลและบันทึกตรวจสอบ แต่เวลาที่แจ้งและสิ่งที่เขียนหรือแนบอาจบอกได้ว่าใครแจ้ง</source>
        <translation>Anonymous: the report is not linked to your account, in the data or the audit trail; but the time of the report and what you write or attach may still tell who reported.</translation>
    </message>
    <message>
        <source>เล่าสิ่งที่พบ: อะไร ที่ไหน เมื่อใด</source>
        <translation>What did you see: what, where, when</translation>
    </message>
    <message>
        <source>แจ้งเบาะแสการใช้ทรัพย์สินของราชการไม่ถูกต้อง</source>
        <translation>Report misuse of government property</translation>
    </message>
    <message>
        <source>แนบรูปภาพหรือ PDF…</source>
        <translation>Attach image or PDF…</translation>
    </message>
    <message>
        <source>ไม่ระบุตัวตน (ไม่บันทึกว่าใครแจ้ง)</source>
        <translation>Anonymous (who reports is not recorded)</translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <source>กำหนดคืน</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>ติดตามแล้ว</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>ต้องติดตามภายใน</source>
        <translation>Follow up by</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>พัสดุที่ค้างคืน</source>
        <translation>Items out</translation>
    </message>
    <message>
        <source>เกินกำหนด (วัน)</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม</source>
        <translation>Loan no.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>%1 หน้า</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>กำลังพิมพ์หน้า %1 จาก %2</source>
        <translation>Printing page %1 of %2</translation>
    </message>
    <message>
        <source>กำลังสร้างเอกสาร…</source>
        <translation>Making the document…</translation>
    </message>
    <message>
        <source>ตัวอย่างก่อนพิมพ์ — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <source>บันทึกเป็น PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>บันทึกเป็น PDF (Ctrl+S)</source>
        <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>บันทึกไฟล์ %1 แล้ว</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>พิมพ์ (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>ส่งพิมพ์ %1 หน้าแล้ว</source>
        <translation>%1 pages sent to the printer</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <source>การเรียกข้ามคิวจะถูกบันทึกพร้อมหมายเลขคิวที่ควรได้รับเรียกก่อน</source>
        <translation>The audit trail records the call together with the ticket that should have been called first</translation>
    </message>
    <message>
        <source>บัตรคิวที่จะเรียก</source>
        <translation>Ticket to call</translation>
    </message>
    <message>
        <source>เรียกข้ามคิว</source>
        <translation>Call out of order</translation>
    </message>
    <message>
        <source>เหตุผล (ต้องระบุ บันทึกไว้ในประวัติการทำงาน)</source>
        <translation>Reason (required; kept in the audit trail)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>สำหรับเจ้าหน้าที่: ใส่ PIN เพื่อออกจากตู้ออกบัตรคิว</source>
        <translation>Staff only: enter the PIN to leave the kiosk</translation>
    </message>
    <message>
        <source>ออกจากตู้ออกบัตรคิว</source>
        <translation>Leave the kiosk</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>เพิ่มวันหยุด %1 แล้ว</source>
        <translation>Holiday %1 added</translation>
    </message>
    <message>
        <source>เลือกวันหยุดที่จะลบในตารางก่อน</source>
        <translation>Select the holiday to remove in the table first</translation>
    </message>
    <message>
        <source>ลบวันหยุด %1 แล้ว</source>
        <translation>Holiday %1 removed</translation>
    </message>
    <message>
        <source>นำเข้าวันหยุด</source>
        <translation>Import holidays</translation>
    </message>
    <message>
        <source>นำเข้าวันหยุด %1 วัน (มีอยู่แล้ว %2)</source>
        <translation>Imported %1 holidays (%2 already listed)</translation>
    </message>
    <message>
        <source>หลังเรียกคิวพิเศษติดกัน %1 ครั้งที่ช่องเดียวกัน ครั้งต่อไปเรียกคิวทั่วไปที่รอนานที่สุด</source>
        <translation>After %1 priority calls in a row at one counter, the next call takes the longest-waiting ordinary ticket</translation>
    </message>
    <message>
        <source>คิวพิเศษได้เรียกก่อนเสมอ ไม่ว่าจะติดกันกี่ครั้ง (แบบเดิม)</source>
        <translation>Priority tickets are always called first, however many in a row (today&apos;s order)</translation>
    </message>
    <message>
        <source>คิวทั่วไปที่รอครบ %1 นาที ได้ลำดับเดียวกับคิวพิเศษ ตามเวลาที่รับบัตร</source>
        <translation>An ordinary ticket that has waited %1 minutes ranks with the priority lanes, by issue time</translation>
    </message>
    <message>
        <source>ปิด: คิวทั่วไปรอจนไม่มีคิวพิเศษรออยู่</source>
        <translation>Off: ordinary tickets wait until no priority ticket waits</translation>
    </message>
    <message>
        <source>กำลังจำลอง…</source>
        <translation>Simulating…</translation>
    </message>
    <message>
        <source>ยังไม่มีประวัติบัตรคิวให้จำลอง</source>
        <translation>No ticket history to simulate yet</translation>
    </message>
    <message>
        <source>นาทีที่รอเรียก จากประวัติ %1 ถึง %2 กับช่องที่เปิด %3 ช่อง: ที่ใช้อยู่ K=%4 M=%5 · ที่ตั้งใหม่ K=%6 M=%7</source>
        <translation>Minutes waited, history %1 to %2 with %3 open counters: in use K=%4 M=%5 · new K=%6 M=%7</translation>
    </message>
    <message>
        <source>จำลองไม่ได้: %1</source>
        <translation>Could not simulate: %1</translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>ลำดับการเรียกคิว</source>
        <translation>Calling order</translation>
    </message>
    <message>
        <source>นัดหมาย</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>วันหยุดของสำนักงาน (ไม่เปิดให้นัดหมาย)</source>
        <translation>Office holidays (no appointments)</translation>
    </message>
    <message>
        <source>เรียกคิวพิเศษติดกันได้ไม่เกิน (K)</source>
        <translation>Priority calls in a row at most (K)</translation>
    </message>
    <message>
        <source>คิวทั่วไปที่รอนานเท่านี้ได้ลำดับเท่าคิวพิเศษ (M)</source>
        <translation>Ordinary tickets waiting this long rank with priority (M)</translation>
    </message>
    <message>
        <source>เช็กอินได้ก่อนเวลานัด</source>
        <translation>Check-in opens before the appointment</translation>
    </message>
    <message>
        <source>มาสายเกินนี้ได้บัตรคิวทั่วไป</source>
        <translation>Later than this gets an ordinary ticket</translation>
    </message>
    <message>
        <source>เก็บชื่อและเบอร์โทรหลังวันนัด (PDPA)</source>
        <translation>Keep name and phone after the day (PDPA)</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ไม่จำกัด</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source> ครั้ง</source>
        <translation> calls</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Off</translation>
    </message>
    <message>
        <source> นาที</source>
        <translation> min</translation>
    </message>
    <message>
        <source> วัน</source>
        <translation> days</translation>
    </message>
    <message>
        <source>คาดการณ์จากประวัติ 20 วันทำการล่าสุด</source>
        <translation>Predict from the last 20 working days</translation>
    </message>
    <message>
        <source>คิวพิเศษ</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>คิวทั่วไป</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>ที่ใช้อยู่: มัธยฐาน</source>
        <translation>In use: median</translation>
    </message>
    <message>
        <source>ที่ใช้อยู่: 90%</source>
        <translation>In use: 90%</translation>
    </message>
    <message>
        <source>ที่ตั้งใหม่: มัธยฐาน</source>
        <translation>New: median</translation>
    </message>
    <message>
        <source>ที่ตั้งใหม่: 90%</source>
        <translation>New: 90%</translation>
    </message>
    <message>
        <source>บันทึกลำดับการเรียกและนัดหมาย</source>
        <translation>Save calling order and appointments</translation>
    </message>
    <message>
        <source>ชื่อวันหยุด</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>เช่น วันรัฐธรรมนูญ</source>
        <translation>e.g. Constitution Day</translation>
    </message>
    <message>
        <source>เพิ่มวันหยุด</source>
        <translation>Add holiday</translation>
    </message>
    <message>
        <source>ลบวันที่เลือก</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>นำเข้า CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <source>ไฟล์ CSV หัวตาราง date,name ปีเป็น พ.ศ. หรือ ค.ศ. ก็ได้ นำเข้าซ้ำไม่เพิ่มวันที่มีอยู่แล้ว</source>
        <translation>CSV with the header date,name; the year in the Buddhist or Common Era; importing again adds no date already listed</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>ชื่อพัสดุ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>บันทึกการตรวจสภาพ</source>
        <translation>Inspection note</translation>
    </message>
    <message>
        <source>บันทึกรับคืน</source>
        <translation>Record return</translation>
    </message>
    <message>
        <source>พัสดุชำรุดหรือสูญหาย %1 รายการ: ผู้ยืมต้องชดใช้ตามข้อ 209 (ซ่อม ชดใช้ของ หรือชดใช้เงิน)</source>
        <translation>%1 items damaged or lost: the borrower settles under clause 209 (repair, replace or pay)</translation>
    </message>
    <message>
        <source>รับคืนพัสดุ</source>
        <translation>Take a return</translation>
    </message>
    <message>
        <source>สภาพที่ได้รับคืน</source>
        <translation>Condition on return</translation>
    </message>
    <message>
        <source>เลขทะเบียน</source>
        <translation>Asset no.</translation>
    </message>
    <message>
        <source>ใบยืม %1 · %2 · กำหนดคืน %3 — ตรวจสภาพทีละรายการ</source>
        <translation>Loan %1 · %2 · due %3 — inspect each item</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;ฉบับที่ %2 ประกาศเมื่อ %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Version %2, published %3</translation>
    </message>
    <message>
        <source>ข้าพเจ้าได้อ่านและรับทราบแนวทางฉบับนี้แล้ว</source>
        <translation>I have read this guideline and acknowledge it</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ภายหลัง</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>รับทราบ</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>แนวทางการยืมพัสดุ ฉบับที่ %1</source>
        <translation>Borrowing guideline, version %1</translation>
    </message>
</context>
<context>
    <name>RulesWindow</name>
    <message>
        <source>&lt;b&gt;ฉบับที่ %1&lt;/b&gt; %2 · รับทราบแล้ว %3 คน ยังไม่รับทราบ %4 คน</source>
        <translation>&lt;b&gt;Version %1&lt;/b&gt; %2 · %3 acknowledged, %4 pending</translation>
    </message>
    <message>
        <source>ชื่อฉบับใหม่ เช่น แนวทางการยืมพัสดุ ฉบับปรับปรุง ๒๕๗๐</source>
        <translation>Title of the new version</translation>
    </message>
    <message>
        <source>บันทึกประกาศ</source>
        <translation>Save notice</translation>
    </message>
    <message>
        <source>บันทึกประกาศ A4 (PDF)…</source>
        <translation>Save the A4 notice (PDF)…</translation>
    </message>
    <message>
        <source>บันทึกแล้ว: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>ประกาศฉบับที่ %1 แล้ว ผู้ใช้ทุกคนจะเห็นเมื่อเข้าสู่ระบบครั้งถัดไป</source>
        <translation>Version %1 published: every user sees it at their next login</translation>
    </message>
    <message>
        <source>ประกาศฉบับใหม่ (.md หรือ .pdf)…</source>
        <translation>Publish a new version (.md or .pdf)…</translation>
    </message>
    <message>
        <source>ยังไม่มีการประกาศแนวทาง</source>
        <translation>No guideline published yet</translation>
    </message>
    <message>
        <source>เปิดอ่านฉบับปัจจุบัน</source>
        <translation>Read the current version</translation>
    </message>
    <message>
        <source>เลือกไฟล์แนวทาง</source>
        <translation>Choose the guideline file</translation>
    </message>
    <message>
        <source>แนวทางการยืมพัสดุ</source>
        <translation>Borrowing guideline</translation>
    </message>
    <message>
        <source>แนวทางการยืมพัสดุและการรับทราบ</source>
        <translation>Borrowing guideline and acknowledgements</translation>
    </message>
</context>
<context>
    <name>ServiceQueueModel</name>
    <message>
        <source>คิวถัดไป</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>ชื่อบริการ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>รอ</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>ServicesAdminModel</name>
    <message>
        <source>ชื่อบริการ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>ชื่อภาษาอังกฤษ</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>อักษรนำหน้า</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>เปิด</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>เวลามาตรฐาน (นาที)</source>
        <translation>Standard time (min)</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>(เครื่องนี้เปิดภาพนี้ไม่ได้)</source>
        <translation>(this PC cannot open the image)</translation>
    </message>
    <message>
        <source>(ไม่มีตราครุฑ)</source>
        <translation>(no emblem)</translation>
    </message>
    <message>
        <source>(ไม่มีโลโก้)</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <source>KhetDesk — ตั้งค่าและผู้ใช้</source>
        <translation>KhetDesk — settings and users</translation>
    </message>
    <message>
        <source>PIN ออกจากตู้ (ตัวเลข 4–12 หลัก เว้นว่าง = ไม่เปลี่ยน)</source>
        <translation>Kiosk exit PIN (4–12 digits; empty = unchanged)</translation>
    </message>
    <message>
        <source>QR บนบัตรคิว ({code} {date})</source>
        <translation>QR on the ticket ({code} {date})</translation>
    </message>
    <message>
        <source>QR บนบัตรคิว เช่น %1 · กำลังตรวจ…</source>
        <translation>Ticket QR, e.g. %1 · checking…</translation>
    </message>
    <message>
        <source>QR บนบัตรคิว เช่น %1 · คำเตือน: เครื่องนี้เปิดไม่ได้ (%2) ตรวจว่า khetdesk serve ทำงานอยู่ที่ที่อยู่นี้</source>
        <translation>Ticket QR, e.g. %1 · warning: this PC cannot reach it (%2); check that khetdesk serve runs at this address</translation>
    </message>
    <message>
        <source>QR บนบัตรคิว เช่น %1 · เครื่องนี้เปิดได้</source>
        <translation>Ticket QR, e.g. %1 · this PC reaches it</translation>
    </message>
    <message>
        <source>ข้อความท้ายบัตรคิว</source>
        <translation>Ticket footer</translation>
    </message>
    <message>
        <source>ความกว้างกระดาษ (จุด)</source>
        <translation>Paper width (dots)</translation>
    </message>
    <message>
        <source>จอแสดงคิว: เสียงกริ่งเมื่อเรียกคิว</source>
        <translation>Board: chime on every call</translation>
    </message>
    <message>
        <source>จอแสดงคิว: เสียงประกาศ (ถ้ามีเสียงภาษาไทย)</source>
        <translation>Board: spoken announcement (when a Thai voice is installed)</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>ชื่อช่อง</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <source>ชื่อบริการ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>ชื่อภาษาอังกฤษ</source>
        <translation>English name</translation>
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
        <source>ช่องบริการ</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>ตราครุฑ (ไฟล์ PNG หรือ JPEG)</source>
        <translation>Garuda emblem (PNG or JPEG file)</translation>
    </message>
    <message>
        <source>ตัวเลขในเอกสาร</source>
        <translation>Digits on documents</translation>
    </message>
    <message>
        <source>ตั้ง PIN ไว้แล้ว</source>
        <translation>A PIN is set</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่</source>
        <translation>Set new password</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>ตำแหน่งผู้ลงนาม</source>
        <translation>Signer&apos;s position</translation>
    </message>
    <message>
        <source>ติดต่อ (โทร.)</source>
        <translation>Contact (phone)</translation>
    </message>
    <message>
        <source>ตู้และจอ</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>ทดสอบเสียง</source>
        <translation>Test sound</translation>
    </message>
    <message>
        <source>ทดสอบเสียง: เสียงกริ่ง %1 · เสียงประกาศภาษาไทย %2</source>
        <translation>Sound test: chime %1 · Thai voice %2</translation>
    </message>
    <message>
        <source>ที่อยู่สำนักงาน (บนหนังสือ)</source>
        <translation>Office address (on letters)</translation>
    </message>
    <message>
        <source>ที่อยู่หน้าเว็บบัตรคิว (web.base_url)</source>
        <translation>Ticket web page address (web.base_url)</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>บริการที่เรียก</source>
        <translation>Services called</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>บันทึกการตั้งค่าเครื่องนี้</source>
        <translation>Save this PC&apos;s settings</translation>
    </message>
    <message>
        <source>บันทึกช่อง</source>
        <translation>Save counter</translation>
    </message>
    <message>
        <source>บันทึกช่องบริการ %1 แล้ว</source>
        <translation>Counter %1 saved</translation>
    </message>
    <message>
        <source>บันทึกบริการ</source>
        <translation>Save service</translation>
    </message>
    <message>
        <source>บันทึกบริการ %1 แล้ว</source>
        <translation>Service %1 saved</translation>
    </message>
    <message>
        <source>บันทึกผู้ใช้</source>
        <translation>Save user</translation>
    </message>
    <message>
        <source>บันทึกผู้ใช้ %1 แล้ว</source>
        <translation>User %1 saved</translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>บันทึกโลโก้แล้ว</source>
        <translation>Logo saved</translation>
    </message>
    <message>
        <source>ผู้ลงนามหนังสือติดตาม</source>
        <translation>Signer of follow-up letters</translation>
    </message>
    <message>
        <source>ผู้ใช้</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>พิมพ์หน้าทดสอบ</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>พิมพ์หน้าทดสอบแล้ว</source>
        <translation>Test page printed</translation>
    </message>
    <message>
        <source>ภาพต้องเป็น PNG หรือ JPEG และเครื่องที่พิมพ์ต้องเปิดไฟล์นี้ได้</source>
        <translation>The image must be a PNG or JPEG file that the printing PCs can open</translation>
    </message>
    <message>
        <source>ภาษาของหน้าจอเครื่องนี้</source>
        <translation>Language of this PC&apos;s windows</translation>
    </message>
    <message>
        <source>ภาษาของเอกสารที่พิมพ์</source>
        <translation>Language of printed documents</translation>
    </message>
    <message>
        <source>มี</source>
        <translation>available</translation>
    </message>
    <message>
        <source>มีโทเค็นแล้ว: keyring ของระบบ</source>
        <translation>Token set: the system keyring</translation>
    </message>
    <message>
        <source>มีโทเค็นแล้ว: ไฟล์ตั้งค่า (0600)</source>
        <translation>Token set: settings file (0600)</translation>
    </message>
    <message>
        <source>ยังไม่มีโทเค็น</source>
        <translation>No token yet</translation>
    </message>
    <message>
        <source>ยังไม่ได้ตั้ง PIN</source>
        <translation>No PIN set</translation>
    </message>
    <message>
        <source>รหัสบริการ</source>
        <translation>Service code</translation>
    </message>
    <message>
        <source>รหัสผ่าน (ผู้ใช้ใหม่หรือเปลี่ยน)</source>
        <translation>Password (new user, or to change it)</translation>
    </message>
    <message>
        <source>รหัสหน้าเลขที่หนังสือ (ที่ กท …)</source>
        <translation>Letter number prefix (ที่ กท …)</translation>
    </message>
    <message>
        <source>รุ่นเครื่องพิมพ์ (profile)</source>
        <translation>Printer model (profile)</translation>
    </message>
    <message>
        <source>รูปภาพ (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>ลบ PIN</source>
        <translation>Remove PIN</translation>
    </message>
    <message>
        <source>ลบโทเค็นออกจากเครื่องนี้</source>
        <translation>Remove the token from this PC</translation>
    </message>
    <message>
        <source>ลบโลโก้</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>ลบโลโก้แล้ว</source>
        <translation>Logo removed</translation>
    </message>
    <message>
        <source>ว่างไว้: QR บนบัตรคิวใช้แม่แบบด้านบน</source>
        <translation>Empty: the ticket&apos;s QR uses the template above</translation>
    </message>
    <message>
        <source>สำนักงาน</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>หน่วยพัสดุ</source>
        <translation>Supply unit</translation>
    </message>
    <message>
        <source>หมายเลขช่อง</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <source>อักษรนำหน้าบัตรคิว (คือรหัสบริการ)</source>
        <translation>Ticket letter (the service&apos;s code)</translation>
    </message>
    <message>
        <source>เครื่องนี้</source>
        <translation>This PC</translation>
    </message>
    <message>
        <source>เครื่องนี้เป็นช่องบริการ (0 = ไม่ใช่)</source>
        <translation>This PC is counter (0 = none)</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์ (เลือกจากรายการ หรือพิมพ์ network://IP:9100)</source>
        <translation>Printer (pick from the list, or type network://IP:9100)</translation>
    </message>
    <message>
        <source>เปลี่ยนรหัสผ่านของ %1 แล้ว</source>
        <translation>Password of %1 changed</translation>
    </message>
    <message>
        <source>เปลี่ยนลำดับแล้ว</source>
        <translation>Order changed</translation>
    </message>
    <message>
        <source>เปิดช่องบริการ</source>
        <translation>Counter open</translation>
    </message>
    <message>
        <source>เปิดให้บริการ (แสดงที่ตู้ออกบัตรคิว)</source>
        <translation>Open (shown on the kiosk)</translation>
    </message>
    <message>
        <source>เพิ่มช่องใหม่</source>
        <translation>New counter</translation>
    </message>
    <message>
        <source>เพิ่มบริการใหม่</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>เพิ่มผู้ใช้ใหม่</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>เลขอารบิก (123)</source>
        <translation>Arabic digits (123)</translation>
    </message>
    <message>
        <source>เลขไทย (๑๒๓)</source>
        <translation>Thai digits (๑๒๓)</translation>
    </message>
    <message>
        <source>เลือกโลโก้</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>เลือกไฟล์ตราครุฑ</source>
        <translation>Choose the emblem file</translation>
    </message>
    <message>
        <source>ลำดับการเรียกและนัดหมาย</source>
        <translation>Calling order &amp; appointments</translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation>Choose file…</translation>
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
        <source>เล่นแล้ว</source>
        <translation>played</translation>
    </message>
    <message>
        <source>เวลามาตรฐาน (นาที)</source>
        <translation>Standard time (min)</translation>
    </message>
    <message>
        <source>เวลารอเครื่องพิมพ์ (วินาที)</source>
        <translation>Printer timeout (seconds)</translation>
    </message>
    <message>
        <source>เอกสารที่พิมพ์ (ใบยืม ใบรับคืน หนังสือติดตาม ทะเบียนคุม)</source>
        <translation>Printed documents (loan record, return record, follow-up letter, register)</translation>
    </message>
    <message>
        <source>โทเค็นเครื่องของตู้ออกบัตรคิว (เว้นว่าง = ไม่เปลี่ยน)</source>
        <translation>The ticket kiosk&apos;s device token (empty = unchanged)</translation>
    </message>
    <message>
        <source>โลโก้</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>ใช้งานได้</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ไม่มีอุปกรณ์เสียง</source>
        <translation>no sound device</translation>
    </message>
    <message>
        <source>ไม่มีในเครื่องนี้</source>
        <translation>not on this PC</translation>
    </message>
</context>
<context>
    <name>SettlementDialog</name>
    <message>
        <source>%1 %2 — %3 ในใบยืม %4 ผู้ยืม %5 ต้องชดใช้อย่างใดอย่างหนึ่ง:</source>
        <translation>%1 %2 — %3 on loan %4; %5 settles in one of these ways:</translation>
    </message>
    <message>
        <source>จำนวนเงิน (บาท)</source>
        <translation>Amount (baht)</translation>
    </message>
    <message>
        <source>ชดใช้พัสดุชำรุด/สูญหาย (ข้อ 209)</source>
        <translation>Settle a damaged or lost item (clause 209)</translation>
    </message>
    <message>
        <source>ชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพเดียวกัน</source>
        <translation>Replace it with an item of the same kind, size, type and quality</translation>
    </message>
    <message>
        <source>ชดใช้เป็นเงิน ตามราคาที่เป็นอยู่ในขณะยืม</source>
        <translation>Pay its value at the time of borrowing</translation>
    </message>
    <message>
        <source>ซ่อมแซมให้คงสภาพเดิม</source>
        <translation>Repair it to its former condition</translation>
    </message>
    <message>
        <source>ตัวอักษร</source>
        <translation>In words</translation>
    </message>
    <message>
        <source>บันทึกการชดใช้</source>
        <translation>Record settlement</translation>
    </message>
    <message>
        <source>วิธีคำนวณ</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>เลขที่ใบเสร็จ</source>
        <translation>Receipt no.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>กำลังสำรองข้อมูล…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>ขนาดตัวอักษร</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>ขอยืมพัสดุ</source>
        <translation>Borrow assets</translation>
    </message>
    <message>
        <source>ขาดการเชื่อมต่อตั้งแต่ %1</source>
        <translation>Connection lost since %1</translation>
    </message>
    <message>
        <source>คู่มือการใช้งาน</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>งานยืมพัสดุ</source>
        <translation>Loan desk</translation>
    </message>
    <message>
        <source>จอของจอแสดงคิวและตู้ออกบัตรคิว</source>
        <translation>Screen of the board and the kiosk</translation>
    </message>
    <message>
        <source>จอแสดงคิว</source>
        <translation>Queue board</translation>
    </message>
    <message>
        <source>ช่วยเหลือ</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>ช่องบริการ (เรียกคิว)</source>
        <translation>Counter (call tickets)</translation>
    </message>
    <message>
        <source>ตั้งค่าและผู้ใช้</source>
        <translation>Settings and users</translation>
    </message>
    <message>
        <source>ตู้ออกบัตรคิว</source>
        <translation>Ticket kiosk</translation>
    </message>
    <message>
        <source>ทะเบียนพัสดุ</source>
        <translation>Asset register</translation>
    </message>
    <message>
        <source>ภาพรวมคิว</source>
        <translation>Queue overview</translation>
    </message>
    <message>
        <source>ภาษา</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>มุมมอง</source>
        <translation>View</translation>
    </message>
    <message>
        <source>รายการรออนุมัติการยืม</source>
        <translation>Loans awaiting approval</translation>
    </message>
    <message>
        <source>สถิติ</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>สลับผู้ใช้…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>สวัสดี %1 (%2)</source>
        <translation>Hello %1 (%2)</translation>
    </message>
    <message>
        <source>สำรองข้อมูลเดี๋ยวนี้</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>สำรองข้อมูลแล้ว: %1</source>
        <translation>Backed up: %1</translation>
    </message>
    <message>
        <source>สำรองล่าสุด %1</source>
        <translation>Last backup %1</translation>
    </message>
    <message>
        <source>ออกจากระบบ</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>ยังไม่ได้พิมพ์</source>
        <translation>not printed yet</translation>
    </message>
    <message>
        <source>พิมพ์ได้ %1</source>
        <translation>printed %1</translation>
    </message>
    <message>
        <source>พิมพ์ไม่ได้ %1: %2</source>
        <translation>not printed %1: %2</translation>
    </message>
    <message>
        <source>สถานการณ์การยืมพัสดุ</source>
        <translation>Loan situation</translation>
    </message>
    <message>
        <source>เรื่องแจ้งเบาะแส</source>
        <translation>Misuse reports</translation>
    </message>
    <message>
        <source>สรุปสำหรับผู้บังคับบัญชา</source>
        <translation>Supervision summary</translation>
    </message>
    <message>
        <source>รายงานผู้ดูแลพัสดุ</source>
        <translation>Custodian&apos;s report</translation>
    </message>
    <message>
        <source>แนวทางการยืมพัสดุ</source>
        <translation>Borrowing guideline</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>ความโปร่งใส</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <source>แนวทางการยืมพัสดุของสำนักงาน</source>
        <translation>The office&apos;s borrowing guideline</translation>
    </message>
    <message>
        <source>แจ้งเบาะแสการใช้พัสดุไม่ถูกต้อง…</source>
        <translation>Report misuse of government property…</translation>
    </message>
    <message>
        <source>ติดตามเรื่องที่แจ้งด้วยรหัส…</source>
        <translation>Follow a report by its tracking code…</translation>
    </message>
    <message>
        <source>เกี่ยวกับ KhetDesk</source>
        <translation>About KhetDesk</translation>
    </message>
    <message>
        <source>เครื่องพิมพ์: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <source>เชื่อมต่อฐานข้อมูลแล้ว</source>
        <translation>Database connected</translation>
    </message>
    <message>
        <source>เลือกงานจากแถบด้านซ้าย หรือกด Ctrl+1…9</source>
        <translation>Choose a workspace on the left, or press Ctrl+1…9</translation>
    </message>
    <message>
        <source>แฟ้ม</source>
        <translation>File</translation>
    </message>
    <message>
        <source>ไม่มี</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>ขอยืมพัสดุ (ทุกคน)</source>
        <translation>Loan request (everyone)</translation>
    </message>
    <message>
        <source>ขอยืมพัสดุที่เลือก</source>
        <translation>Request the selected asset</translation>
    </message>
    <message>
        <source>ค้นหา / สแกน QR</source>
        <translation>Search / scan a QR code</translation>
    </message>
    <message>
        <source>งานยืมพัสดุ (เจ้าหน้าที่พัสดุ)</source>
        <translation>Loan desk (supply staff)</translation>
    </message>
    <message>
        <source>ชดใช้ / ปิดใบยืม</source>
        <translation>Settle / close the loan</translation>
    </message>
    <message>
        <source>ช่องบริการ (เจ้าหน้าที่ช่องบริการ)</source>
        <translation>Counter (counter clerks)</translation>
    </message>
    <message>
        <source>ทะเบียนพัสดุ (เจ้าหน้าที่พัสดุ)</source>
        <translation>Asset register (supply staff)</translation>
    </message>
    <message>
        <source>ทำอะไร</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>ทุกหน้าต่าง</source>
        <translation>Every window</translation>
    </message>
    <message>
        <source>พิมพ์</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>พิมพ์บัตรซ้ำ (แถวที่เลือก หรือคิวที่กำลังให้บริการ)</source>
        <translation>Reprint (the selected row, or the ticket being served)</translation>
    </message>
    <message>
        <source>เช็กอินนัดหมายด้วยรหัส</source>
        <translation>Check in an appointment by its code</translation>
    </message>
    <message>
        <source>จองนัดหมายให้ประชาชน</source>
        <translation>Book an appointment for a citizen</translation>
    </message>
    <message>
        <source>พิมพ์ป้าย QR</source>
        <translation>Print QR labels</translation>
    </message>
    <message>
        <source>พิมพ์ป้ายที่เครื่องพิมพ์ความร้อน</source>
        <translation>Print a label on the thermal printer</translation>
    </message>
    <message>
        <source>รับคืน</source>
        <translation>Take back</translation>
    </message>
    <message>
        <source>รายการรออนุมัติ (หัวหน้า)</source>
        <translation>Approvals (heads)</translation>
    </message>
    <message>
        <source>ส่งคำขอ</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>ส่งมอบ</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>หนังสือติดตาม</source>
        <translation>Follow-up letter</translation>
    </message>
    <message>
        <source>อนุมัติ</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>ออกบัตรคิวให้ผู้ที่ใช้ตู้ไม่ได้</source>
        <translation>Issue a ticket for a citizen who cannot use the kiosk</translation>
    </message>
    <message>
        <source>เปิดใบยืมตามเลขที่ / สแกน QR</source>
        <translation>Open a loan by number / scan its QR code</translation>
    </message>
    <message>
        <source>เรียกข้ามคิว (ต้องระบุเหตุผล)</source>
        <translation>Call out of order (a reason is required)</translation>
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
        <source>แป้น</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>แป้นลัด</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>แป้นลัดของทุกหน้าต่างในโปรแกรม จัดตามผู้ใช้</source>
        <translation>Every window&apos;s shortcuts, grouped by who uses them</translation>
    </message>
    <message>
        <source>แป้นลัดทั้งหมด (หน้านี้)</source>
        <translation>All shortcuts (this page)</translation>
    </message>
    <message>
        <source>โหลดใหม่</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>โอนบริการ (แถวที่เลือก หรือคิวที่กำลังให้บริการ)</source>
        <translation>Transfer (the selected row, or the ticket being served)</translation>
    </message>
    <message>
        <source>ใบยืมใหม่</source>
        <translation>New loan request</translation>
    </message>
    <message>
        <source>ไปที่แท็บ</source>
        <translation>Go to a tab</translation>
    </message>
    <message>
        <source>ไม่มาตามเรียก (ยกเลิกได้ภายในไม่กี่วินาที)</source>
        <translation>No-show (can be undone for a few seconds)</translation>
    </message>
    <message>
        <source>ไม่อนุมัติ (ต้องระบุเหตุผล)</source>
        <translation>Reject (a reason is required)</translation>
    </message>
</context>
<context>
    <name>SituationModel</name>
    <message>
        <source>กำหนดคืน</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>ติดตามตามข้อ 211</source>
        <translation>Follow-up (clause 211)</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>หมายเลขพัสดุ</source>
        <translation>Asset no.</translation>
    </message>
    <message>
        <source>เกินกำหนด (วัน)</source>
        <translation>Overdue (days)</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม</source>
        <translation>Loan no.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>บทบาท %1 เปิดหน้าจอนี้ไม่ได้</source>
        <translation>The role %1 cannot open this window</translation>
    </message>
    <message>
        <source>ยังไม่ได้ตั้งโทเค็นเครื่องของตู้นี้: เจ้าหน้าที่เข้าสู่ระบบเพื่อเปิดตู้</source>
        <translation>This kiosk has no device token yet: a member of staff logs in to open it</translation>
    </message>
    <message>
        <source>สลับผู้ใช้</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>เข้าสู่ระบบช่องบริการ %1</source>
        <translation>Log in to counter %1</translation>
    </message>
    <message>
        <source>โทเค็นนี้เป็นของจอแสดงคิว ไม่ใช่ตู้ออกบัตรคิว</source>
        <translation>This token belongs to a queue board, not a ticket kiosk</translation>
    </message>
    <message>
        <source>โทเค็นเครื่องของตู้นี้ใช้ไม่ได้ (%1): เจ้าหน้าที่เข้าสู่ระบบเพื่อเปิดตู้</source>
        <translation>This kiosk&apos;s device token does not work (%1): a member of staff logs in to open it</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <source>KhetDesk — สถิติการให้บริการ</source>
        <translation>KhetDesk — Service statistics</translation>
    </message>
    <message>
        <source>การยืมพัสดุ</source>
        <translation>Asset loans</translation>
    </message>
    <message>
        <source>การยืมพัสดุรายเดือน</source>
        <translation>Loans per month</translation>
    </message>
    <message>
        <source>การเรียกข้ามคิว</source>
        <translation>Calls out of order</translation>
    </message>
    <message>
        <source>กำหนดคืน</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>ข้อผิดพลาดภายใน: %1</source>
        <translation>Internal error: %1</translation>
    </message>
    <message>
        <source>ข้ามคิว</source>
        <translation>Out of order</translation>
    </message>
    <message>
        <source>ครั้ง</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>คำขอ</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>คำขอยืม %1 · ยืมจริง %2 · คืนตรงเวลา %3 จาก %4 (%5) · ยังไม่คืน %6
เกินกำหนด %7: ติดตามทัน %8 · ไม่ได้ติดตามภายในกำหนด %9 · ยังไม่ครบกำหนด %10</source>
        <translation>Requests %1 · lent %2 · returned on time %3 of %4 (%5) · still out %6
Overdue %7: followed up in time %8 · follow-up missed %9 · not yet due %10</translation>
    </message>
    <message>
        <source>คิว</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>คิวที่ถึงลำดับ</source>
        <translation>Next in order</translation>
    </message>
    <message>
        <source>คิวพิเศษและทั่วไป</source>
        <translation>Priority and general</translation>
    </message>
    <message>
        <source>คืนก่อนครบกำหนดติดตาม</source>
        <translation>Back before the follow-up deadline</translation>
    </message>
    <message>
        <source>ค้าง</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>ช่วงวันที่</source>
        <translation>Date range</translation>
    </message>
    <message>
        <source>ช่อง</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>ตามชั่วโมง</source>
        <translation>By hour</translation>
    </message>
    <message>
        <source>ตามช่องบริการ</source>
        <translation>By counter</translation>
    </message>
    <message>
        <source>จำลองลำดับการเรียกคิว</source>
        <translation>What if (calling order)</translation>
    </message>
    <message>
        <source>ตามบริการ</source>
        <translation>By service</translation>
    </message>
    <message>
        <source>ตามวัน</source>
        <translation>By day</translation>
    </message>
    <message>
        <source>ตามหน่วยงาน</source>
        <translation>By unit</translation>
    </message>
    <message>
        <source>ตามเดือน</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>ติดตามครั้งแรก</source>
        <translation>First follow-up</translation>
    </message>
    <message>
        <source>ติดตามทันกำหนด</source>
        <translation>Followed up in time</translation>
    </message>
    <message>
        <source>ติดตามภายใน</source>
        <translation>Follow up by</translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation>to</translation>
    </message>
    <message>
        <source>บริการ P90</source>
        <translation>Service P90</translation>
    </message>
    <message>
        <source>บริการ มัธยฐาน</source>
        <translation>Service median</translation>
    </message>
    <message>
        <source>บัตรคิว</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>บัตรคิวตามชั่วโมง</source>
        <translation>Tickets per hour</translation>
    </message>
    <message>
        <source>บัตรคิวรายวัน</source>
        <translation>Tickets per day</translation>
    </message>
    <message>
        <source>บันทึกรายงาน</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>บันทึกรายงานแล้ว: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>ผู้ยืม</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>ผู้เรียก</source>
        <translation>Called by</translation>
    </message>
    <message>
        <source>ฝ่าย</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>ภายในมาตรฐาน %</source>
        <translation>Within standard %</translation>
    </message>
    <message>
        <source>มัธยฐาน</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>ยังไม่ครบกำหนดติดตาม</source>
        <translation>Follow-up not yet due</translation>
    </message>
    <message>
        <source>ยืมจริง</source>
        <translation>Lent</translation>
    </message>
    <message>
        <source>ยืมบ่อยที่สุด</source>
        <translation>Most lent</translation>
    </message>
    <message>
        <source>ยืมล่าสุด</source>
        <translation>Last lent</translation>
    </message>
    <message>
        <source>รวม</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>รอ P90</source>
        <translation>Wait P90</translation>
    </message>
    <message>
        <source>รอ มัธยฐาน</source>
        <translation>Wait median</translation>
    </message>
    <message>
        <source>รอ สูงสุด</source>
        <translation>Wait max</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>รายการพัสดุ</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>รายวัน</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>รายเดือน</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>ส่งออก CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>ส่งออก Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>ส่งออก PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>หมายเลขพัสดุ</source>
        <translation>Asset no.</translation>
    </message>
    <message>
        <source>ออกบัตร</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>ออกบัตรคิว %1 · ให้บริการแล้ว %2 · ไม่มาตามเรียก %3 · ค้าง %4 · โอน %5 · เรียกข้ามคิว %6
เวลารอ มัธยฐาน %7 นาที · P90 %8 · สูงสุด %9 · ภายในเวลามาตรฐาน %10</source>
        <translation>Issued %1 · served %2 · no-shows %3 · unfinished %4 · transferred %5 · called out of order %6
Wait: median %7 min · P90 %8 · longest %9 · within the standard time %10</translation>
    </message>
    <message>
        <source>เกินกำหนด (วัน)</source>
        <translation>Overdue (days)</translation>
    </message>
    <message>
        <source>เกินกำหนดและการติดตาม</source>
        <translation>Overdue and follow-up</translation>
    </message>
    <message>
        <source>เปอร์เซ็นไทล์ที่ 90</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <source>เลขที่ใบยืม</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>เวลารอเรียกตามบริการ (นาที)</source>
        <translation>Waiting time by service (minutes)</translation>
    </message>
    <message>
        <source>เหตุผล</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>แสดงสถิติ</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>โอน</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>ให้บริการ</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>ให้บริการแล้ว</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>ไม่มา</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>ไม่มีการยืมในช่วงนี้</source>
        <translation>Not lent in this period</translation>
    </message>
    <message>
        <source>ไม่อนุมัติ</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>ไม่เคยยืม</source>
        <translation>Never lent</translation>
    </message>
    <message>
        <source>ไม่ได้ติดตามภายในกำหนด</source>
        <translation>Follow-up deadline missed</translation>
    </message>
</context>
<context>
    <name>SupervisionWindow</name>
    <message>
        <source>สรุปสำหรับผู้บังคับบัญชา</source>
        <translation>Supervision summary</translation>
    </message>
    <message>
        <source>สิ่งที่ต้องกำกับดูแลวันนี้</source>
        <translation>What needs supervision today</translation>
    </message>
    <message>
        <source>ไม่มี</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>กำลังให้บริการ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>คนพิการ</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>ผู้ดูแลระบบ</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>ผู้สูงอายุ</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <source>พระภิกษุสงฆ์</source>
        <translation>Monk</translation>
    </message>
    <message>
        <source>รอเรียก</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>หญิงตั้งครรภ์</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <source>หัวหน้าหน่วยงาน</source>
        <translation>Head of agency</translation>
    </message>
    <message>
        <source>หัวหน้าเจ้าหน้าที่พัสดุ</source>
        <translation>Head of supply</translation>
    </message>
    <message>
        <source>เจ้าหน้าที่</source>
        <translation>Staff</translation>
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
        <source>ใช่</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>ให้บริการแล้ว</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>ไม่</source>
        <translation>No</translation>
    </message>
    <message>
        <source>ไม่มาตามเรียก</source>
        <translation>No-show</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>keyring ของระบบปฏิบัติการ</source>
        <translation>the operating system&apos;s keyring</translation>
    </message>
    <message>
        <source>คัดลอก</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>เก็บไว้ที่เครื่องนี้แล้ว: %1</source>
        <translation>Kept on this PC: %1</translation>
    </message>
    <message>
        <source>แสดงครั้งเดียวเท่านั้น ระบบเก็บไว้เพียงค่าแฮช คัดลอกไปตั้งที่เครื่องนั้น (หน้า &apos;เครื่องนี้&apos; หรือ KHETDESK_DEVICE_TOKEN) หากหายให้ยกเลิกแล้วเพิ่มเครื่องใหม่</source>
        <translation>Shown this once: KhetDesk keeps only its hash. Copy it to that PC (&apos;This PC&apos; page, or KHETDESK_DEVICE_TOKEN). If it is lost, revoke it and add a new device.</translation>
    </message>
    <message>
        <source>โทเค็นของ %1 (%2)</source>
        <translation>Token of %1 (%2)</translation>
    </message>
    <message>
        <source>โทเค็นของเครื่อง %1</source>
        <translation>Token of device %1</translation>
    </message>
    <message>
        <source>ใช้กับเครื่องนี้</source>
        <translation>Use on this PC</translation>
    </message>
    <message>
        <source>ไฟล์ตั้งค่าของเครื่องนี้ (อ่านได้เฉพาะเจ้าของ 0600)</source>
        <translation>this PC&apos;s settings file (owner only, 0600)</translation>
    </message>
</context>
<context>
    <name>TrackDialog</name>
    <message>
        <source>ติดตาม</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>ติดตามเรื่องที่แจ้ง</source>
        <translation>Follow a report</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ: %1</source>
        <translation>Responsible: %1</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>โอนบัตรคิว %1 ไปรอที่บริการ:</source>
        <translation>Send ticket %1 to wait for:</translation>
    </message>
    <message>
        <source>โอนไปบริการอื่น</source>
        <translation>Transfer to another service</translation>
    </message>
</context>
<context>
    <name>UnitAckModel</name>
    <message>
        <source>ผู้ใช้</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>ยังไม่รับทราบ</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>รับทราบแล้ว</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>กำลังปรับรุ่นเป็น %1…</source>
        <translation>Upgrading to %1…</translation>
    </message>
    <message>
        <source>กำลังสำรองข้อมูลและตรวจสำเนา…</source>
        <translation>Backing up and checking the copy…</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้เป็นรุ่นเก่า (%1) โปรแกรมจะสำรองข้อมูลและตรวจสำเนาก่อน แล้วจึงปรับรุ่นฐานข้อมูล %2 ขั้น</source>
        <translation>This database is of an older version (%1). The program will first back it up and check the copy, then upgrade the database in %2 steps.</translation>
    </message>
    <message>
        <source>ปรับรุ่นฐานข้อมูล</source>
        <translation>Upgrade the database</translation>
    </message>
    <message>
        <source>ปรับรุ่นแล้ว สำเนาก่อนปรับรุ่น: %1</source>
        <translation>Upgraded. The copy from before the upgrade: %1</translation>
    </message>
    <message>
        <source>สำรองข้อมูลและปรับรุ่น</source>
        <translation>Back up and upgrade</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Username</translation>
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
        <source>คิวพิเศษ</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>บริการ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>บัตรคิว</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>รอนานเกินเวลามาตรฐาน %1 นาที</source>
        <translation>Waiting longer than the standard %1 minutes</translation>
    </message>
    <message>
        <source>นัดหมายเวลา %1: เรียกได้ตั้งแต่เวลานัด</source>
        <translation>Appointment at %1: called from that time</translation>
    </message>
    <message>
        <source>รอนานถึงเกณฑ์ของสำนักงานแล้ว: เรียกพร้อมคิวพิเศษตามลำดับที่มาถึง</source>
        <translation>Has waited the office&apos;s limit: called with the priority lanes by arrival</translation>
    </message>
    <message>
        <source>นัด %1</source>
        <translation>Appt %1</translation>
    </message>
    <message>
        <source>รอนาน</source>
        <translation>Waited long</translation>
    </message>
    <message>
        <source>รอแล้ว (นาที)</source>
        <translation>Waited (min)</translation>
    </message>
    <message>
        <source>รับบัตรเวลา</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>ลำดับ</source>
        <translation>#</translation>
    </message>
</context>
<context>
    <name>WhatIfTab</name>
    <message>
        <source> นาที</source>
        <translation> min</translation>
    </message>
    <message>
        <source>กำลังจำลอง…</source>
        <translation>Simulating…</translation>
    </message>
    <message>
        <source>จำนวนช่องบริการ</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>จำลอง 20 วันทำการล่าสุด</source>
        <translation>Simulate the last 20 working days</translation>
    </message>
    <message>
        <source>จำลองไม่ได้: %1</source>
        <translation>Simulation failed: %1</translation>
    </message>
    <message>
        <source>ประวัติ %1 ถึง %2 (นาทีที่รอเรียก)</source>
        <translation>History %1 to %2 (minutes waited)</translation>
    </message>
    <message>
        <source>ยังไม่มีประวัติบัตรคิวให้จำลอง</source>
        <translation>No ticket history to simulate yet</translation>
    </message>
    <message>
        <source>แบบ %1 90%</source>
        <translation>Policy %1 90%</translation>
    </message>
    <message>
        <source>แบบ %1 มัธยฐาน</source>
        <translation>Policy %1 median</translation>
    </message>
    <message>
        <source>แบบที่ %1</source>
        <translation>Policy %1</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>จำหน่าย</source>
        <translation>Write off</translation>
    </message>
    <message>
        <source>จำหน่าย %1 %2 ออกจากทะเบียน: พัสดุนี้จะยืมไม่ได้อีก</source>
        <translation>Write %1 %2 off the register: it can never be lent again</translation>
    </message>
    <message>
        <source>จำหน่ายพัสดุ</source>
        <translation>Write off asset</translation>
    </message>
    <message>
        <source>เลขที่หนังสืออนุมัติ</source>
        <translation>Approving document no.</translation>
    </message>
    <message>
        <source>เหตุที่จำหน่าย</source>
        <translation>Reason</translation>
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
<context>
    <name>_LoanDialog</name>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
