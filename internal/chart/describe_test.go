package chart

import "testing"

// TestDescriptions: the sentences written from the example datasets of
// the portal: latest value, change, highest and lowest unit, the break at
// the merger, and that the figures are fictional where they are.
func TestDescriptions(t *testing.T) {
	sets := examples(t)
	tests := map[string]string{
		"ho-so-giai-quyet-theo-thang": "Tháng 10/2026, tỷ lệ giải quyết đúng hạn đạt 99,31%, tăng 0,08 điểm phần trăm so với tháng 9/2026. Cao nhất: Công an phường Thủ Dầu Một (99,67%); thấp nhất: Sở Xây dựng (98,05%). Số liệu giả định.",
		"ho-so-tre-han-theo-don-vi":   "Tháng 10/2026, giải quyết trễ hạn: cao nhất là Sở Nông nghiệp và Môi trường (16 hồ sơ), thấp nhất là Công an phường Thủ Dầu Một (4 hồ sơ). Biểu đồ xếp 6 đơn vị từ thấp đến cao. Số liệu giả định.",
		"ty-le-dung-han-theo-don-vi":  "Tháng 10/2026, tỷ lệ giải quyết đúng hạn cao nhất: Công an phường Thủ Dầu Một (99,67%); thấp nhất: Sở Xây dựng (98,05%). Từ tháng 7/2025, số liệu thuộc về UBND phường Thủ Dầu Một, một đơn vị khác với UBND thành phố Thủ Dầu Một (cũ), có số liệu đến tháng 6/2025, nên hai chuỗi số liệu không được nối với nhau. Số liệu giả định.",
		"papi-tong-diem":              "Tỉnh Bình Dương (cũ), năm 2022: 47,4488 điểm, tăng 0,2708 điểm so với năm 2021. Thành phố Hồ Chí Minh: chưa có số liệu. Từ năm 2025, số liệu thuộc về Thành phố Hồ Chí Minh, một đơn vị khác với Tỉnh Bình Dương (cũ), có số liệu đến năm 2024, nên hai chuỗi số liệu không được nối với nhau.",
		"par-index-tong-diem":         "Tỉnh Bình Dương (cũ): chưa có số liệu. Thành phố Hồ Chí Minh: chưa có số liệu. Từ năm 2025, số liệu thuộc về Thành phố Hồ Chí Minh, một đơn vị khác với Tỉnh Bình Dương (cũ), có số liệu đến năm 2024, nên hai chuỗi số liệu không được nối với nhau.",
		"chi-so-766-xep-hang":         "Tháng 10/2026, tổng điểm: cao nhất là Công an phường Thủ Dầu Một (92,99 điểm), thấp nhất là Sở Xây dựng (76,38 điểm). Biểu đồ xếp 5 đơn vị từ cao đến thấp. Số liệu giả định.",
		"chi-so-766-phuong":           "Tháng 10/2026: công khai, minh bạch 16,37 điểm; tiến độ, kết quả giải quyết 18,53 điểm; cung cấp dịch vụ trực tuyến 17,44 điểm; mức độ hài lòng 17,07 điểm; số hóa hồ sơ 17,32 điểm. Số liệu giả định.",
		"sipas-theo-don-vi":           "Sở Tư pháp, năm 2025: 86,97%, tăng 0,87 điểm phần trăm so với năm 2024. Sở Xây dựng, năm 2025: 81,32%, giảm 1,22 điểm phần trăm so với năm 2024. Công an phường Thủ Dầu Một, năm 2025: 90,64%, tăng 2,91 điểm phần trăm so với năm 2024. Năm 2025, chỉ số hài lòng SIPAS cao nhất: Công an phường Thủ Dầu Một (90,64%); thấp nhất: Sở Xây dựng (81,32%). Số liệu giả định.",
	}
	for name, want := range tests {
		c, err := draw(sets, "/ket-qua-phuc-vu/", name)
		if err != nil {
			t.Fatal(err)
		}
		if c.Description != want {
			t.Errorf("%s:\n got %s\nwant %s", name, c.Description, want)
		}
	}
}
