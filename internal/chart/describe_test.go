package chart

import (
	"reflect"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
)

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

// english is the locale of an English page, with the English forms a
// site's i18n/en.toml [names] would give some of the example's names.
func english(t testing.TB) *locale.Locale {
	t.Helper()
	cat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	return locale.New(i18n.English, cat, map[string]string{
		"Tỷ lệ giải quyết đúng hạn":  "On-time rate",
		"Giải quyết trễ hạn":         "Resolved late",
		"Giải quyết đúng hạn":        "Resolved on time",
		"Công an phường Thủ Dầu Một": "Thu Dau Mot Ward Police",
		"Sở Xây dựng":                "Department of Construction",
		"UBND thành phố Thủ Dầu Một": "Thu Dau Mot City People's Committee",
		"UBND phường Thủ Dầu Một":    "Thu Dau Mot Ward People's Committee",
		"Đơn vị":                     "Agency",
		"Tháng":                      "Month",
		"hồ sơ":                      "dossiers",
		"Hồ sơ giải quyết trễ hạn theo đơn vị, tháng gần nhất": "Late dossiers by agency, latest month",
	})
}

// TestEnglish: an English page's chart says the same in English: its
// sentences, key figures and table, with English numbers and periods and
// the site's English names of the data (the others as written).
func TestEnglish(t *testing.T) {
	sets, en := examples(t), english(t)
	tests := []struct {
		chart       string
		description string
		highlights  []Highlight
		head        []string
		caption     string
		row         Row
	}{{
		chart:       "ho-so-giai-quyet-theo-thang",
		description: "October 2026: the on-time rate reached 99.31%, up 0.08 percentage points from September 2026. It was highest at Thu Dau Mot Ward Police (99.67%) and lowest at Department of Construction (98.05%). The figures are fictional.",
		highlights:  []Highlight{{Label: "On-time rate", Value: "99.31%", Period: "October 2026"}},
		head:        []string{"Month", "Giải quyết trước hạn (dossiers)", "Resolved on time (dossiers)", "Resolved late (dossiers)", "On-time rate (%)"},
		caption:     "Figures: Hồ sơ đã giải quyết và tỷ lệ giải quyết đúng hạn theo tháng (các đơn vị cộng lại)",
		row:         Row{Header: "November 2024", Cells: []Cell{{"6,712", false, true}, {"740", false, true}, {"67", false, true}, {"99.11%", false, true}}},
	}, {
		chart:       "ty-le-dung-han-theo-don-vi",
		description: "October 2026: the on-time rate was highest at Thu Dau Mot Ward Police (99.67%) and lowest at Department of Construction (98.05%). From July 2025, the figures are those of Thu Dau Mot Ward People's Committee, a different unit from Thu Dau Mot City People's Committee (former), whose figures end in June 2025, so the two series are not joined. The figures are fictional.",
		head:        []string{"Month", "Sở Tư pháp", "Department of Construction", "Sở Nông nghiệp và Môi trường", "Thu Dau Mot City People's Committee (former)", "Thu Dau Mot Ward Police", "Thu Dau Mot Ward People's Committee", "Trung tâm Phục vụ hành chính công phường Thủ Dầu Một"},
		caption:     "Figures: Tỷ lệ giải quyết đúng hạn theo đơn vị — on-time rate (%)",
		row:         Row{Header: "November 2024", Cells: []Cell{{"99.63%", false, true}, {"98.91%", false, true}, {"97.31%", false, true}, {"99.13%", false, true}, {"99.69%", false, true}, {MissingText, true, false}, {MissingText, true, false}}},
	}, {
		chart:       "ho-so-tre-han-theo-don-vi",
		description: "October 2026, resolved late: highest Sở Nông nghiệp và Môi trường (16 dossiers), lowest Thu Dau Mot Ward Police (4 dossiers). The chart ranks 6 units from lowest to highest. The figures are fictional.",
		head:        []string{"Agency", "Rank", "Resolved late (dossiers)"},
		caption:     "Figures: Late dossiers by agency, latest month — October 2026",
		row:         Row{Header: "Thu Dau Mot Ward Police", Cells: []Cell{{"1", false, true}, {"4", false, true}}},
	}, {
		chart:       "hai-long-dvc-theo-quy",
		description: "Quarter 3, 2026: the tỷ lệ hài lòng reached 97.83%, unchanged from Quarter 2, 2026. It was highest at Trung tâm Phục vụ hành chính công phường Thủ Dầu Một (98.67%) and lowest at Sở Tư pháp (97.54%). The figures are fictional.",
		highlights:  []Highlight{{Label: "Tỷ lệ hài lòng", Value: "97.83%", Period: "Quarter 3, 2026"}},
		head:        []string{"Kỳ", "Rất hài lòng (lượt)", "Hài lòng (lượt)", "Không hài lòng (lượt)", "Tỷ lệ hài lòng (%)"},
		caption:     "Figures: Đánh giá trên Cổng dịch vụ công theo quý (các đơn vị cộng lại)",
		row:         Row{Header: "Quarter 4, 2024", Cells: []Cell{{"2,797", false, true}, {"1,085", false, true}, {"132", false, true}, {"96.71%", false, true}}},
	}, {
		chart:       "papi-tong-diem",
		description: "Tỉnh Bình Dương (former), 2022: 47.4488 điểm, up 0.2708 điểm from 2021. Thành phố Hồ Chí Minh: no figures yet. From 2025, the figures are those of Thành phố Hồ Chí Minh, a different unit from Tỉnh Bình Dương (former), whose figures end in 2024, so the two series are not joined.",
		highlights:  []Highlight{{Label: "Tổng điểm PAPI theo năm – Tỉnh Bình Dương (former)", Value: "47.4488 điểm", Period: "2022"}},
		head:        []string{"Năm", "Tỉnh Bình Dương (former)", "Thành phố Hồ Chí Minh"},
		caption:     "Figures: Tổng điểm PAPI theo năm — điểm (điểm)",
		row:         Row{Header: "2018", Cells: []Cell{{MissingText, true, false}, {MissingText, true, false}}},
	}}
	for _, tt := range tests {
		c, err := draw(sets, "/ket-qua-phuc-vu/", tt.chart)
		if err != nil {
			t.Fatal(err)
		}
		sp, _ := sets.Find(tt.chart)
		e, err := New("/en/ket-qua-phuc-vu/", sp, en)
		if err != nil {
			t.Fatal(err)
		}
		if e.Description != tt.description {
			t.Errorf("%s:\n got %s\nwant %s", tt.chart, e.Description, tt.description)
		}
		if !reflect.DeepEqual(e.Highlights, tt.highlights) {
			t.Errorf("%s: highlights %+v, want %+v", tt.chart, e.Highlights, tt.highlights)
		}
		if !reflect.DeepEqual(e.Table.Head, tt.head) || e.Table.Caption != tt.caption {
			t.Errorf("%s: table %q %q, want %q %q", tt.chart, e.Table.Caption, e.Table.Head, tt.caption, tt.head)
		}
		if !reflect.DeepEqual(e.Table.Rows[0], tt.row) {
			t.Errorf("%s: first row %+v, want %+v", tt.chart, e.Table.Rows[0], tt.row)
		}
		// The same frame, still Vietnamese for a Vietnamese page.
		if again, _ := draw(sets, "/ket-qua-phuc-vu/", tt.chart); again.Description != c.Description || e.Description == c.Description {
			t.Errorf("%s: the English page changed the Vietnamese one: %s", tt.chart, again.Description)
		}
	}
}

// TestEnglishOption: the option of an English page has the axis in
// English periods, the series by their English names, labels written the
// English way and the English description for its aria label.
func TestEnglishOption(t *testing.T) {
	sets, en := examples(t), english(t)
	sp, _ := sets.Find("ho-so-giai-quyet-theo-thang")
	c, err := New("/en/p/", sp, en)
	if err != nil {
		t.Fatal(err)
	}
	opt := string(c.OptionJSON)
	for _, want := range []string{`"Nov 2024"`, `"Oct 2026"`, `"name":"On-time rate"`, `"name":"Resolved late"`, `"formatter":"99.31%"`, `"name":"dossiers"`, `October 2026: the on-time rate reached 99.31%`} {
		if !strings.Contains(opt, want) {
			t.Errorf("the option lacks %s:\n%s", want, opt)
		}
	}
	sp, _ = sets.Find("ty-le-dung-han-theo-don-vi")
	if c, err = New("/en/p/", sp, en); err != nil {
		t.Fatal(err)
	}
	opt = string(c.OptionJSON)
	for _, want := range []string{`"Change of unit"`, `"Change of unit from Jul 2025"`, `"name":"Thu Dau Mot City People's Committee (former)"`} {
		if !strings.Contains(opt, want) {
			t.Errorf("the option lacks %s:\n%s", want, opt)
		}
	}
}

func TestEnglishPeriods(t *testing.T) {
	en := english(t)
	for _, tt := range []struct {
		p           dataset.Period
		long, short string
	}{
		{dataset.Period{Grain: dataset.GrainMonth, Year: 2026, N: 10}, "October 2026", "Oct 2026"},
		{dataset.Period{Grain: dataset.GrainQuarter, Year: 2025, N: 2}, "Quarter 2, 2025", "Q2 2025"},
		{dataset.Period{Grain: dataset.GrainYear, Year: 2024}, "2024", "2024"},
		{dataset.Period{Grain: dataset.GrainDay, Year: 2025, N: 7, Day: 1}, "1 July 2025", "1 July 2025"},
	} {
		if got := PeriodLabel(en, tt.p); got != tt.long {
			t.Errorf("PeriodLabel(%v) = %q, want %q", tt.p, got, tt.long)
		}
		if got := PeriodShort(en, tt.p); got != tt.short {
			t.Errorf("PeriodShort(%v) = %q, want %q", tt.p, got, tt.short)
		}
	}
	if got := MissingLabel(en); got != "no figures" {
		t.Errorf("MissingLabel = %q", got)
	}
	if got := MissingLabel(vi); got != "không có số liệu" {
		t.Errorf("MissingLabel = %q", got)
	}
}
