// Package procedure holds the administrative procedure (thủ tục hành chính)
// as a typed record, the controlled vocabularies it uses, and the rules a
// record must follow before it is published.
//
// The schema follows the national procedure database (CSDL quốc gia về
// TTHC): keys are English, the labels citizens read are Vietnamese.
package procedure

import (
	"fmt"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Procedure is the front matter of one file in the procedures section.
type Procedure struct {
	Code                 string        `toml:"code"`
	LegacyCodes          []string      `toml:"legacy_codes"`
	Title                string        `toml:"title"`
	Decision             string        `toml:"decision"`
	Field                string        `toml:"field"`
	Level                []Level       `toml:"level"`
	Kind                 string        `toml:"kind"`
	Subjects             []string      `toml:"subjects"`
	Agency               string        `toml:"agency"`
	CompetentAgency      string        `toml:"competent_agency"`
	DelegatedAgency      string        `toml:"delegated_agency"`
	CoordinatingAgencies []string      `toml:"coordinating_agencies"`
	ReceptionAddress     string        `toml:"reception_address"`
	OnlineLevel          OnlineLevel   `toml:"online_level"`
	OnlineURL            string        `toml:"online_url"`
	Channels             []Channel     `toml:"channels"`
	Dossier              []Case        `toml:"dossier"`
	DossierSets          *int          `toml:"dossier_sets"` // nil when not stated; never 0
	Result               []string      `toml:"result"`
	LegalBasis           []LegalDoc    `toml:"legal_basis"`
	Keywords             []string      `toml:"keywords"`
	SourceURL            string        `toml:"source_url"`
	SyncedAt             tomlfile.Date `toml:"synced_at"`
	EffectiveFrom        tomlfile.Date `toml:"effective_from"`
	EffectiveTo          tomlfile.Date `toml:"effective_to"`
	Related              []string      `toml:"related"`
	Aliases              []string      `toml:"aliases"`
	Description          string        `toml:"description"`
	// PublishedMobiles are the mobile numbers the page may show, each
	// with the record of why; the content loader checks them with the
	// page's text (personaldata.CheckConsents). The consent records are
	// not published: the open data leaves out a field tagged opendata:"-".
	PublishedMobiles []personaldata.Consent `toml:"published_mobiles" opendata:"-"`
}

// Channel is one way to submit a dossier (Cách thức thực hiện), with its
// own processing time and fees.
type Channel struct {
	Kind           ChannelKind    `toml:"kind"`
	ProcessingTime ProcessingTime `toml:"processing_time"`
	Fees           []Fee          `toml:"fees"`
	Note           string         `toml:"note"`
}

// ProcessingTime is Thời hạn giải quyết. Text is shown verbatim; Value and
// Unit let lists sort and compare procedures. Value is nil when the record
// gives no number (the text alone), which is not the same as 0.
type ProcessingTime struct {
	Value *int     `toml:"value"`
	Unit  TimeUnit `toml:"unit"`
	Text  string   `toml:"text"`
}

// Fee is one line of Phí, lệ phí. AmountVND = 0 means free, nil that the
// record states no amount (the text alone); Text holds the verbatim
// wording with its exemptions, which a bare number would hide.
type Fee struct {
	Type      FeeType `toml:"type"`
	AmountVND *int64  `toml:"amount_vnd"`
	UnitText  string  `toml:"unit_text"`
	Text      string  `toml:"text"`
}

// Case is a group of papers for one situation (trường hợp).
type Case struct {
	Case      string     `toml:"case"`
	Documents []Document `toml:"documents"`
}

// Document is one paper to bring (Tên giấy tờ), with how many originals
// and copies, and the blank form to fill in when there is one.
type Document struct {
	Name      string `toml:"name"`
	Originals *int   `toml:"originals"`
	Copies    *int   `toml:"copies"`
	Form      *Form  `toml:"form"`
	ShowOnly  bool   `toml:"show_only"`
	Note      string `toml:"note"`
}

// Form is a downloadable blank form (Mẫu đơn, tờ khai). File is a path in
// the site's static folder, such as /bieu-mau/to-khai-khai-sinh.docx.
type Form struct {
	Title string `toml:"title"`
	File  string `toml:"file"`
}

// LegalDoc is one row of Căn cứ pháp lý.
type LegalDoc struct {
	Number string        `toml:"number"`
	Title  string        `toml:"title"`
	Issued tomlfile.Date `toml:"issued"`
	Issuer string        `toml:"issuer"`
}

// Forms returns every form of the dossier, in order, without repeats.
func (p *Procedure) Forms() []Form {
	var out []Form
	seen := map[string]bool{}
	for _, c := range p.Dossier {
		for _, d := range c.Documents {
			if d.Form != nil && !seen[d.Form.File] {
				seen[d.Form.File] = true
				out = append(out, *d.Form)
			}
		}
	}
	return out
}

// FormRef is a form file a record names, and where: the field
// dossier[Case].documents[Document].form.file.
type FormRef struct {
	Case, Document int
	File           string
}

// Field is the path of the form's file in the record.
func (f FormRef) Field() string {
	return fmt.Sprintf("dossier[%d].documents[%d].form.file", f.Case, f.Document)
}

// FormRefs lists every form file of the record that is a path of the site
// (starting with /; Validate reports the others), for the check that each
// is a file of the site.
func (p *Procedure) FormRefs() []FormRef {
	var out []FormRef
	for i, c := range p.Dossier {
		for j, d := range c.Documents {
			if d.Form != nil && strings.HasPrefix(d.Form.File, "/") {
				out = append(out, FormRef{Case: i, Document: j, File: d.Form.File})
			}
		}
	}
	return out
}

// Channel returns the first channel of the given kind, or nil.
func (p *Procedure) Channel(kind ChannelKind) *Channel {
	for i := range p.Channels {
		if p.Channels[i].Kind == kind {
			return &p.Channels[i]
		}
	}
	return nil
}

// HasLevel reports whether the procedure is carried out at level l.
func (p *Procedure) HasLevel(l Level) bool {
	for _, x := range p.Level {
		if x == l {
			return true
		}
	}
	return false
}

// HasAmount reports whether the fee states an amount.
func (f Fee) HasAmount() bool { return f.AmountVND != nil }

// Amount is the stated amount in đồng, 0 when none is stated.
func (f Fee) Amount() int64 {
	if f.AmountVND == nil {
		return 0
	}
	return *f.AmountVND
}

// Free reports whether the fee is stated as zero.
func (f Fee) Free() bool { return f.AmountVND != nil && *f.AmountVND == 0 }

// InForceOn reports whether the procedure applies on day t.
func (p *Procedure) InForceOn(t time.Time) bool {
	if p.EffectiveFrom.Given() && t.Before(p.EffectiveFrom.Time()) {
		return false
	}
	return !p.EffectiveTo.Given() || !t.After(p.EffectiveTo.Time())
}
