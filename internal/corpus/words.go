package corpus

// The vocabulary the generator draws from: enough variety that lists,
// slugs and Vietnamese collation do real work.

const siteConfig = `title = "Cổng thông tin điện tử (dữ liệu thử nghiệm)"
base_url = "https://bench.example.gov.vn/"
language = "vi"
as_of = 2026-11-01
notice = "Dữ liệu sinh tự động để đo hiệu năng; không phải thông tin thật."

[jurisdiction]
id = "tinh-thu-nghiem"
name = "Tỉnh Thử Nghiệm"
level = "tinh"

[procedures]
section = "thu-tuc"
stale_after_days = 365

[[menu]]
title = "Thủ tục hành chính"
url = "/thu-tuc/"
[[menu]]
title = "Giới thiệu"
url = "/gioi-thieu/"
[[menu]]
title = "Liên hệ"
url = "/lien-he/"
`

var fields = []string{
	"Hộ tịch", "Chứng thực", "Nuôi con nuôi", "Lý lịch tư pháp", "Bảo trợ xã hội", "Người có công",
	"Đất đai", "Hoạt động xây dựng", "Quy hoạch xây dựng", "Nhà ở", "Thành lập và hoạt động của hộ kinh doanh",
	"Thành lập và hoạt động doanh nghiệp", "Đăng ký, quản lý cư trú", "Giáo dục và đào tạo", "Y tế dự phòng",
	"Khám bệnh, chữa bệnh", "Văn hóa cơ sở", "Thể dục thể thao", "Du lịch", "Môi trường", "Tài nguyên nước",
	"Nông nghiệp", "Lâm nghiệp", "Thủy sản", "Giao thông đường bộ", "Đường thủy nội địa", "Lao động, tiền lương",
	"Việc làm", "Bảo hiểm xã hội", "Thi đua, khen thưởng", "Tôn giáo", "Dân tộc", "Phòng chống thiên tai",
	"An toàn thực phẩm", "Công thương", "Điện", "Xuất bản, in và phát hành", "Báo chí", "Viễn thông và Internet",
	"Kế hoạch và đầu tư", "Tài chính", "Thuế", "Hải quan", "Kiểm lâm", "Thú y", "Trồng trọt", "Ẩm thực",
}

var departments = []string{
	"Sở Tư pháp", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo",
	"Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Sở Nội vụ", "Sở Công Thương", "Sở Khoa học và Công nghệ",
	"Sở Dân tộc và Tôn giáo", "Công an tỉnh", "Ban Quản lý các khu công nghiệp",
}

var communes = []string{
	"phường An Bình", "phường Bình Minh", "xã Cát Tiên", "xã Đông Hòa", "phường Đông Hòa", "xã Ea Súp",
	"phường Gia Định", "xã Hòa Khánh", "phường Ích Thạnh", "xã Kim Long", "phường Lái Thiêu", "xã Long Hòa",
	"phường Mỹ Phước", "xã Ngãi Giao", "phường Ông Lãnh", "xã Phú Giáo", "phường Quang Trung", "xã Sông Bé",
	"phường Tân Định", "xã Thạnh An", "phường Ứng Hòa", "xã Vĩnh Tân", "phường Xuân Hòa", "xã Yên Thế",
	"phường Thủ Dầu Một", "phường Chánh Hiệp", "xã Đất Cuốc", "phường Ơn Lành", "xã Ân Thi", "xã Ấp Bắc",
}

var verbs = []string{
	"đăng ký", "cấp", "cấp lại", "cấp đổi", "điều chỉnh", "gia hạn", "thu hồi", "xác nhận", "công nhận",
	"chấm dứt", "thay đổi nội dung", "bổ sung", "giải quyết", "hỗ trợ", "thẩm định", "phê duyệt", "chứng thực",
}

var objects = []string{
	"giấy khai sinh", "giấy chứng nhận quyền sử dụng đất", "giấy phép xây dựng", "giấy chứng nhận hộ kinh doanh",
	"trợ cấp xã hội hàng tháng", "chế độ người có công", "giấy phép kinh doanh rượu", "giấy phép lái xe",
	"thẻ bảo hiểm y tế", "phiếu lý lịch tư pháp", "giấy xác nhận tình trạng hôn nhân", "chứng chỉ hành nghề",
	"giấy phép lao động", "giấy chứng nhận đủ điều kiện an toàn thực phẩm", "quyết định khen thưởng",
	"giấy phép khai thác nước dưới đất", "giấy phép tổ chức lễ hội", "hồ sơ địa chính", "biển số nhà",
}

var subjects = []string{"Công dân Việt Nam", "Người nước ngoài", "Doanh nghiệp", "Tổ chức", "Hợp tác xã", "Hộ gia đình", "Cá nhân"}

var cases = []string{
	"Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Trường hợp ủy quyền", "Trường hợp cấp lại do bị mất",
	"Trường hợp thay đổi thông tin", "Trường hợp người nước ngoài",
}

var documents = []string{
	"Giấy tờ tùy thân có ảnh còn giá trị sử dụng của người yêu cầu",
	"Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền)",
	"Bản sao giấy tờ chứng minh quyền sở hữu, quyền sử dụng hợp pháp",
	"Giấy tờ chứng minh nơi cư trú khi không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư",
	"Bản vẽ thiết kế, sơ đồ vị trí do đơn vị có đủ năng lực lập",
	"Văn bản đồng ý của các đồng sở hữu (nếu có)",
	"Biên bản kiểm tra thực địa của cơ quan chuyên môn",
	"Giấy xác nhận của cơ sở y tế có thẩm quyền",
	"Quyết định hoặc văn bản của cơ quan có thẩm quyền liên quan",
}

var forms = []string{"to-khai-chung", "don-de-nghi", "ban-khai-thong-tin", "giay-uy-quyen", "phieu-yeu-cau"}

var laws = []string{
	"Nghị định quy định chi tiết một số điều của Luật", "Nghị định về phân cấp, phân quyền trong quản lý nhà nước",
	"Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
	"Thông tư quy định mức thu, chế độ thu, nộp lệ phí", "Luật Tổ chức chính quyền địa phương",
	"Nghị quyết của Hội đồng nhân dân tỉnh quy định mức thu phí, lệ phí",
}

var clausesVI = []string{
	"người yêu cầu nộp hồ sơ tại Trung tâm Phục vụ hành chính công hoặc qua Cổng Dịch vụ công quốc gia",
	"công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ và cấp giấy tiếp nhận, hẹn ngày trả kết quả",
	"trường hợp hồ sơ chưa đầy đủ thì hướng dẫn người yêu cầu bổ sung một lần bằng văn bản",
	"cơ quan giải quyết thẩm định hồ sơ, xác minh thực tế khi cần thiết",
	"trong thời hạn quy định, người đứng đầu cơ quan ký văn bản và chuyển kết quả về bộ phận một cửa",
	"kết quả được trả trực tiếp, qua dịch vụ bưu chính công ích hoặc trên tài khoản dịch vụ công của người yêu cầu",
	"nếu quá hạn giải quyết thì cơ quan có văn bản xin lỗi và hẹn lại ngày trả kết quả",
	"thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư thì không yêu cầu người dân cung cấp lại",
	"người yêu cầu có trách nhiệm về tính chính xác, trung thực của thông tin kê khai",
	"phí, lệ phí được nộp trực tiếp hoặc qua chức năng thanh toán trực tuyến",
	"trường hợp từ chối giải quyết phải trả lời bằng văn bản và nêu rõ lý do",
	"hồ sơ được số hóa và lưu trữ điện tử theo quy định",
	"đối tượng được miễn, giảm phải xuất trình giấy tờ chứng minh thuộc diện được miễn, giảm",
	"việc giải quyết không phụ thuộc địa giới hành chính trong phạm vi tỉnh",
}
