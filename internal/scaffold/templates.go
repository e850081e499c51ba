package scaffold

// procedureTemplate has every field of a procedure, each explained. The
// required ones are left empty on purpose: `congkhai check` names each one
// still to fill, so a half-written procedure cannot be published.
const procedureTemplate = `+++
# Thủ tục hành chính mới. Điền theo Cơ sở dữ liệu quốc gia về thủ tục hành chính
# (https://dichvucong.gov.vn); chạy "congkhai check" để biết trường nào còn thiếu.
# (bắt buộc) = phải có; để trống là lỗi khi dựng trang.

code = %q                     # Mã thủ tục (bắt buộc)
title = %q
decision = ""                 # Số quyết định công bố, ví dụ "1872/QĐ-BTP" (bắt buộc)
field = ""                    # Lĩnh vực, ví dụ "Hộ tịch" (bắt buộc)
level = []                    # Cấp thực hiện: ["xa"], ["tinh"], ["bo"] (bắt buộc)
kind = ""                     # Loại thủ tục
subjects = []                 # Đối tượng thực hiện, ví dụ ["Công dân Việt Nam"] (bắt buộc)
agency = ""                   # Cơ quan thực hiện (bắt buộc)
competent_agency = ""         # Cơ quan có thẩm quyền
delegated_agency = ""         # Cơ quan được ủy quyền
coordinating_agencies = []    # Cơ quan phối hợp
reception_address = ""        # Địa chỉ tiếp nhận hồ sơ
online_level = ""             # "toan_trinh", "mot_phan" hoặc "khong" (bắt buộc)
online_url = ""               # Địa chỉ nộp trực tuyến (bắt buộc khi "toan_trinh")
dossier_sets = 1              # Số bộ hồ sơ
result = []                   # Kết quả thực hiện, ví dụ ["Giấy khai sinh (bản chính)"] (bắt buộc)
keywords = []                 # Từ khóa tìm kiếm
source_url = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=%s"
synced_at = %s        # Ngày đối chiếu với CSDL quốc gia (bắt buộc)
effective_from = 2025-07-01   # Ngày có hiệu lực (bắt buộc)
# effective_to = 2030-12-31   # Ngày hết hiệu lực, nếu có
related = []                  # Mã các thủ tục liên quan
aliases = []                  # Địa chỉ cũ chuyển về trang này
description = ""              # Một câu tóm tắt cho danh sách và máy tìm kiếm
legal_basis = [               # Căn cứ pháp lý (bắt buộc, ít nhất một văn bản)
  # { number = "60/2014/QH13", title = "Luật Hộ tịch", issued = 2014-11-20, issuer = "Quốc hội" },
]

# Cách thức thực hiện: một bảng [[channels]] cho mỗi hình thức nộp (bắt buộc).
[[channels]]
kind = "truc_tiep"            # "truc_tiep", "truc_tuyen" hoặc "buu_chinh"
processing_time = { unit = "ngay_lam_viec", text = "" }   # text: chép nguyên văn (bắt buộc); thêm value = số ngày ghi trong text, để tóm tắt và sắp xếp
fees = [
  # { type = "le_phi", amount_vnd = 0, text = "Chép nguyên văn, kể cả các trường hợp miễn, giảm." },
]
note = ""

# Thành phần hồ sơ: một bảng [[dossier]] cho mỗi trường hợp (bắt buộc).
[[dossier]]
case = "Giấy tờ phải nộp"
documents = [
  # { name = "Tờ khai theo mẫu", originals = 1, copies = 0, form = { title = "Tờ khai", file = "/bieu-mau/to-khai.docx" } },
]
+++

## Trình tự thực hiện

1. 

## Yêu cầu, điều kiện thực hiện

Không.
`

const pageTemplate = `+++
title = %q          # Tiêu đề trang (bắt buộc)
description = ""    # Một câu tóm tắt cho máy tìm kiếm
updated = %s  # Ngày cập nhật
+++

Nội dung trang, viết bằng Markdown.
`

const sectionTemplate = `+++
title = %q   # Tên chuyên mục: sửa lại cho có dấu
+++
`

const sectionTitledTemplate = `+++
title = %q   # Tên chuyên mục
+++
`
