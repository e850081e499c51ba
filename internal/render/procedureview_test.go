package render

import (
	"testing"

	"github.com/congkhai/congkhai/internal/procedure"
)

func TestPaperCount(t *testing.T) {
	n := func(i int) *int { return &i }
	tests := []struct {
		doc  procedure.Document
		want string
	}{
		{procedure.Document{Originals: n(1)}, "1 bản chính"},
		{procedure.Document{Copies: n(2)}, "2 bản sao"},
		{procedure.Document{Originals: n(1), Copies: n(2)}, "1 bản chính, 2 bản sao"},
		{procedure.Document{Originals: n(0), Copies: n(1)}, "1 bản sao"},
		{procedure.Document{}, ""},
		{procedure.Document{Originals: n(1), ShowOnly: true}, "Mang bản chính để xuất trình (không nộp)"},
	}
	for _, tt := range tests {
		if got := paperCount(tt.doc); got != tt.want {
			t.Errorf("paperCount(%+v) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}

func TestFeeHeading(t *testing.T) {
	amount := func(v int64) *int64 { return &v }
	tests := []struct {
		fee  procedure.Fee
		want string
	}{
		{procedure.Fee{Type: procedure.FeeType("le_phi")}, "Lệ phí"},
		{procedure.Fee{Type: procedure.FeeType("le_phi"), AmountVND: amount(0)}, "Lệ phí: miễn phí"},
		{procedure.Fee{Type: procedure.FeeType("phi"), AmountVND: amount(8000), UnitText: "bản"}, "Phí: 8.000 đồng/bản"},
		{procedure.Fee{Type: procedure.FeeType("phi"), AmountVND: amount(1500000)}, "Phí: 1.500.000 đồng"},
	}
	for _, tt := range tests {
		if got := feeHeading(tt.fee); got != tt.want {
			t.Errorf("feeHeading(%+v) = %q, want %q", tt.fee, got, tt.want)
		}
	}
}
