package tomlfile_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

const fuzzProcedure = `code = "1.001193"
title = "Đăng ký khai sinh"
decision = "1872/QĐ-BTP"
field = "Hộ tịch"
level = ["xa"]
subjects = ["Công dân Việt Nam"]
agency = "Ủy ban nhân dân phường"
online_level = "toan_trinh"
online_url = "https://dichvucong.gov.vn/"
result = ["Giấy khai sinh"]
source_url = "https://dichvucong.gov.vn/"
synced_at = 2025-07-15
effective_from = 2025-07-01
legal_basis = [ { number = "60/2014/QH13", title = "Luật Hộ tịch", issued = 2014-11-20 } ]

[[channels]]
kind = "truc_tiep"
processing_time = { value = 1, unit = "ngay_lam_viec", text = "1 ngày" }
fees = [ { type = "le_phi", amount_vnd = 0 }, { type = "phi", amount_vnd = 8000, text = "8.000 đồng" } ]

[[dossier]]
case = "Giấy tờ phải nộp"
documents = [ { name = "Tờ khai", originals = 1, copies = 0, form = { title = "Tờ khai", file = "/bieu-mau/a.docx" } } ]
`

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		fuzzProcedure,
		"",
		"code = ",
		"title = \"Đường dây nóng\" x\n",
		"synced_at = \"2025-07-15\"\n",
		"[[channels]]\nkind = 1\n",
		"[[channels]]\nknid = \"truc_tiep\"\n[[channels]]\nknid = \"x\"\n",
		"[chanels]\na = 1\n",
		"level = \"xa\"\n",
		"a = \"\xff\"\n",
		"\ttitle = \"a\" x\r\n",
		"dossier = [ { documents = [ { originals = -1 } ] } ]\n",
		"x = [[[[[[[[[[[[1]]]]]]]]]]]]\n",
		"\x00",
		"\"\r\n",
		"title = \"Mo\u0323\u0302t\"\r\ncode = \"\x00\"\n",
	} {
		f.Add([]byte(s), uint8(1))
	}
	f.Add([]byte("x = "+strings.Repeat("{a = ", 200)+"1"+strings.Repeat("}", 200)), uint8(1))
	f.Add([]byte("x."+strings.Repeat("a.", 200)+"a = 1"), uint8(1))
	f.Fuzz(func(t *testing.T, src []byte, first uint8) {
		firstLine := int(first%8) + 1
		var problems []problem.Problem
		// However deep or large, a document costs bounded work.
		boundtest.Check(t, len(src), func() { problems = fuzzDecode(tomlfile.New("f.md", src, firstLine)) })
		lines := bytes.Count(src, []byte("\n")) + 1 + firstLine - 1
		for _, pr := range problems {
			if pr.Line < 0 || pr.Line > lines+1 {
				t.Fatalf("problem at line %d, input has %d lines (first %d): %s", pr.Line, lines, firstLine, pr)
			}
			if pr.File != "f.md" || pr.Message == "" {
				t.Fatalf("problem without file or message: %#v", pr)
			}
			_ = pr.String()
		}
		// Text its caller checked for UTF-8 gives the same problems
		// without the check.
		if utf8.Valid(src) {
			if other := fuzzDecode(tomlfile.NewValidUTF8("f.md", src, firstLine)); !slices.Equal(problems, other) {
				t.Fatalf("New: %v\nNewValidUTF8: %v", problems, other)
			}
		}
	})
}

// fuzzDecode decodes and validates a procedure as a build does, and
// returns its problems.
func fuzzDecode(doc *tomlfile.Doc) []problem.Problem {
	var problems problem.List
	var p procedure.Procedure
	if doc.Decode(&p, &problems) {
		p.Validate(doc.Reporter(&problems), procedure.Rules{Today: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), StaleAfterDays: 90})
		// The field of a problem found once the file is known.
		_ = doc.Line("channels[0].fees[0].text")
	}
	return problems.Sorted()
}
