package procedure

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Reporter receives problems about fields, addressed by path such as
// channels[1].fees[0].text.
type Reporter interface {
	Errorf(path, format string, args ...any)
	Warnf(path, format string, args ...any)
}

// codePattern is the shape of a code in the national procedure database.
// Codes are opaque strings: 1.001193 must keep its trailing digits.
var codePattern = regexp.MustCompile(`^[1-9]\.\d{6}$`)

// ValidCode reports whether code has the shape of a code in the national
// procedure database, such as 1.001193.
func ValidCode(code string) bool { return codePattern.MatchString(code) }

// ReformDate is when district level ceased (Law 72/2025/QH15): records at
// level huyen must have ended before it. A function, so that the date of a
// law cannot be changed by a caller.
func ReformDate() tomlfile.Date { return tomlfile.NewDate(2025, 7, 1) }

// DatabaseDate is when the national procedure database (CSDL quốc gia về
// TTHC) was created, by Decree 63/2010/NĐ-CP of 2010-06-08: no record can
// have been checked against it earlier.
func DatabaseDate() tomlfile.Date { return tomlfile.NewDate(2010, 6, 8) }

// How far after the reference date a record's dates may be. A day synced
// or a document issued after it is possible (as_of lags behind the work)
// and warned about, but not by more than a year; a procedure may be
// published years before it takes effect, but not more than five.
const (
	recordedYearsAhead  = 1
	effectiveYearsAhead = 5
)

// Rules are the settings validation depends on.
type Rules struct {
	Today          time.Time // the build's reference date, never the clock
	StaleAfterDays int
}

// Validate checks one record and reports every problem to r.
func (p *Procedure) Validate(r Reporter, rules Rules) {
	req := func(path, v string) bool {
		if strings.TrimSpace(v) == "" {
			r.Errorf(path, "required")
			return false
		}
		return true
	}
	if req("code", p.Code) && !ValidCode(p.Code) {
		r.Errorf("code", "%q is not a procedure code: expected a digit, a dot and six digits, such as \"1.001193\"", p.Code)
	}
	for i, c := range p.LegacyCodes {
		req(fmt.Sprintf("legacy_codes[%d]", i), c)
	}
	req("title", p.Title)
	req("decision", p.Decision)
	req("field", p.Field)
	req("agency", p.Agency)

	if len(p.Level) == 0 {
		r.Errorf("level", `required: a list such as ["xa"] or ["tinh"]`)
	}
	for i, l := range p.Level {
		if !l.Valid() {
			r.Errorf(fmt.Sprintf("level[%d]", i), "%s", problem.NotInVocab(l, msg.T("a level"), Levels()))
		}
	}
	if p.HasLevel(LevelHuyen) {
		switch {
		case !p.EffectiveTo.Given():
			r.Errorf("effective_to", "required for level \"huyen\": district level ceased on 2025-07-01, so a district record is an archive and needs an end date no later than 2025-06-30")
		case !p.EffectiveTo.Before(ReformDate()):
			r.Errorf("effective_to", "is %s, but level \"huyen\" ceased on 2025-07-01: the end date must be no later than 2025-06-30", p.EffectiveTo)
		}
	}

	if len(p.Subjects) == 0 {
		r.Errorf("subjects", `required: who may use the procedure, such as ["Công dân Việt Nam"]`)
	}
	for i, s := range p.Subjects {
		req(fmt.Sprintf("subjects[%d]", i), s)
	}

	validVocab(r, "online_level", msg.T("an online level"), p.OnlineLevel, OnlineLevels())
	if p.OnlineURL != "" {
		checkURL(r, "online_url", p.OnlineURL)
	}
	if p.OnlineLevel == OnlineFull {
		if p.Channel(ChannelOnline) == nil {
			r.Errorf("online_level", "is \"toan_trinh\" (fully online), so a channel with kind = \"truc_tuyen\" is required")
		}
		if p.OnlineURL == "" {
			r.Errorf("online_url", "required when online_level is \"toan_trinh\": the address where citizens apply online")
		}
	}

	p.validateChannels(r)
	p.validateDossier(r, rules)

	if len(p.Result) == 0 {
		r.Errorf("result", "required: what the citizen receives, such as [\"Giấy khai sinh (bản chính)\"]")
	}
	for i, s := range p.Result {
		req(fmt.Sprintf("result[%d]", i), s)
	}
	if len(p.LegalBasis) == 0 {
		r.Errorf("legal_basis", "required: at least one legal document { number, title }")
	}
	for i, d := range p.LegalBasis {
		path := fmt.Sprintf("legal_basis[%d]", i)
		req(path+".number", d.Number)
		req(path+".title", d.Title)
	}
	for i, k := range p.Keywords {
		req(fmt.Sprintf("keywords[%d]", i), k)
	}
	for i, c := range p.Related {
		if req(fmt.Sprintf("related[%d]", i), c) && !ValidCode(c) {
			r.Errorf(fmt.Sprintf("related[%d]", i), "%q is not a procedure code such as \"1.001193\"", c)
		}
	}
	if req("source_url", p.SourceURL) {
		checkURL(r, "source_url", p.SourceURL)
	}
	switch n := p.DossierSets; {
	case n == nil:
	case *n < 0:
		r.Errorf("dossier_sets", "must not be negative")
	case *n == 0:
		r.Errorf("dossier_sets", "is 0, but a dossier is submitted in at least 1 set: write the number of sets, or leave dossier_sets out when the national database does not say")
	}

	p.validateDates(r, rules)
}

// validateDates checks the dates of the record. Every date written is a
// date, 0001-01-01 included: a required date is missing only when it is
// not written, and a date outside the range its field allows is an error
// that says what to write.
//
//	synced_at            required; not before DatabaseDate; after the
//	                     reference date a warning, more than a year after
//	                     it an error; older than StaleAfterDays a warning
//	effective_from       required; not before 1945-09-02 (EarliestDate);
//	                     at most five years after the reference date
//	effective_to         not before effective_from (nor 1945-09-02)
//	legal_basis[].issued not before 1945-09-02; after the reference date a
//	                     warning, more than a year after it an error
//
// Without a reference date (Rules.Today zero) nothing is compared with it.
func (p *Procedure) validateDates(r Reporter, rules Rules) {
	var today tomlfile.Date // none: nothing is compared with it
	if !rules.Today.IsZero() {
		today = tomlfile.DateOf(rules.Today)
	}
	// tooLate reports whether d is more than years after the reference date.
	tooLate := func(d tomlfile.Date, years int) bool {
		return today.Given() && d.After(today.AddDate(years, 0, 0))
	}
	lateError := func(path string, d tomlfile.Date, years int, write msg.Text) {
		r.Errorf(path, "%s is more than %s after the site's reference date %s: check the year; %s", d, yearsText(years), today, write)
	}

	const syncedWrite = "write the day the record was last checked against the national database, such as 2025-07-15"
	switch s := p.SyncedAt; {
	case !s.Given():
		r.Errorf("synced_at", "required: the date the record was last checked against the national database, such as 2025-07-15")
	case s.Before(DatabaseDate()):
		r.Errorf("synced_at", "%s is before the national procedure database existed (Decree 63/2010/NĐ-CP, %s): %s", s, DatabaseDate(), syncedWrite)
	case !today.Given():
	case tooLate(s, recordedYearsAhead):
		lateError("synced_at", s, recordedYearsAhead, msg.T(syncedWrite))
	case s.After(today):
		r.Warnf("synced_at", "%s is after the site's reference date %s", s, today)
	case rules.StaleAfterDays > 0 && days(s, today) > rules.StaleAfterDays:
		r.Warnf("synced_at", "last synced %s, %d days before %s (limit %d days): check the record against the national database", s, days(s, today), today, rules.StaleAfterDays)
	}

	const fromWrite = "write the day the procedure takes effect, such as 2025-07-01"
	fromOK := false
	switch f := p.EffectiveFrom; {
	case !f.Given():
		r.Errorf("effective_from", "required: the date the procedure takes effect, such as 2025-07-01")
	case !tomlfile.CheckEarliest(r, "effective_from", f, msg.T(fromWrite)):
	case tooLate(f, effectiveYearsAhead):
		lateError("effective_from", f, effectiveYearsAhead, msg.T(fromWrite))
	default:
		fromOK = true
	}
	to := p.EffectiveTo
	if tomlfile.CheckEarliest(r, "effective_to", to, msg.T("write the last day the procedure applies, such as 2025-06-30, or remove effective_to while it applies")) &&
		fromOK && to.Given() && to.Before(p.EffectiveFrom) {
		r.Errorf("effective_to", "%s is before effective_from %s", to, p.EffectiveFrom)
	}

	const issuedWrite = "write the day the document was issued (ngày ban hành), such as 2014-11-20, or remove issued"
	for i, d := range p.LegalBasis {
		path := fmt.Sprintf("legal_basis[%d].issued", i)
		switch is := d.Issued; {
		case !tomlfile.CheckEarliest(r, path, is, msg.T(issuedWrite)):
		case tooLate(is, recordedYearsAhead):
			lateError(path, is, recordedYearsAhead, msg.T(issuedWrite))
		case today.Given() && is.After(today):
			r.Warnf(path, "%s is after the site's reference date %s: check the day the document was issued, or as_of in site.toml", is, today)
		}
	}
}

// days is how many days b is after a.
func days(a, b tomlfile.Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

// yearsText is "a year" or "n years".
func yearsText(n int) msg.Text {
	if n == 1 {
		return msg.T("a year")
	}
	return msg.T("%d years", n)
}

func (p *Procedure) validateChannels(r Reporter) {
	if len(p.Channels) == 0 {
		r.Errorf("channels", "required: at least one [[channels]] table saying how to submit the dossier")
	}
	seen := map[ChannelKind]int{}
	for i, c := range p.Channels {
		path := fmt.Sprintf("channels[%d]", i)
		if validVocab(r, path+".kind", msg.T("a channel"), c.Kind, ChannelKinds()) {
			if j, dup := seen[c.Kind]; dup {
				r.Errorf(path+".kind", "%q is already used by channels[%d]: each channel kind appears once", c.Kind, j)
			}
			seen[c.Kind] = i
		}
		pt := path + ".processing_time"
		if strings.TrimSpace(c.ProcessingTime.Text) == "" {
			r.Errorf(pt+".text", "required: the processing time in the words of the national database")
		}
		validVocab(r, pt+".unit", msg.T("a unit"), c.ProcessingTime.Unit, TimeUnits())
		if v := c.ProcessingTime.Value; v != nil && *v < 0 {
			r.Errorf(pt+".value", "must not be negative")
		} else if v != nil && !mentions(c.ProcessingTime.Text, *v) {
			// The summary at the top of the page shows the value, the
			// table the text: a citizen must not read two times.
			r.Warnf(pt+".value", "%d is not among the numbers of the text %q: the page's summary shows the value and its table the text; make them agree", *v, c.ProcessingTime.Text)
		}
		if len(c.Fees) == 0 {
			r.Warnf(path+".fees", "no fee given: the page says the fees are not published; for a procedure without fees write fees = [{ type = \"le_phi\", amount_vnd = 0, text = \"Không thu\" }]")
		}
		for j, f := range c.Fees {
			fp := fmt.Sprintf("%s.fees[%d]", path, j)
			validVocab(r, fp+".type", msg.T("a fee type"), f.Type, FeeTypes())
			empty := strings.TrimSpace(f.Text) == ""
			switch {
			case f.AmountVND != nil && *f.AmountVND < 0:
				r.Errorf(fp+".amount_vnd", "must not be negative (0 means free)")
			case f.AmountVND != nil && *f.AmountVND > 0 && empty:
				r.Errorf(fp+".text", "required when amount_vnd > 0: copy the fee wording verbatim, with its exemptions")
			case f.AmountVND == nil && empty:
				r.Errorf(fp+".text", "required when amount_vnd is not given: the fee wording, verbatim")
			}
		}
	}
}

func (p *Procedure) validateDossier(r Reporter, rules Rules) {
	if len(p.Dossier) == 0 {
		r.Errorf("dossier", "required: at least one [[dossier]] table listing the papers to bring")
	}
	for i, c := range p.Dossier {
		path := fmt.Sprintf("dossier[%d]", i)
		if strings.TrimSpace(c.Case) == "" {
			r.Errorf(path+".case", "required: the situation these papers are for, such as \"Giấy tờ phải nộp\"")
		}
		if len(c.Documents) == 0 {
			r.Errorf(path+".documents", "required: at least one paper { name, originals, copies }")
		}
		for j, d := range c.Documents {
			dp := fmt.Sprintf("%s.documents[%d]", path, j)
			if strings.TrimSpace(d.Name) == "" {
				r.Errorf(dp+".name", "required")
			}
			for _, n := range []struct {
				key string
				v   *int
			}{{"originals", d.Originals}, {"copies", d.Copies}} {
				switch {
				case n.v == nil:
					r.Errorf(dp+"."+n.key, "required: how many (0 if none)")
				case *n.v < 0:
					r.Errorf(dp+"."+n.key, "must not be negative")
				}
			}
			if d.Originals != nil && d.Copies != nil && *d.Originals == 0 && *d.Copies == 0 && !d.ShowOnly {
				r.Errorf(dp, "originals and copies are both 0: say how many to bring, or set show_only = true for a paper that is only shown")
			}
			if d.Form != nil {
				if strings.TrimSpace(d.Form.Title) == "" {
					r.Errorf(dp+".form.title", "required")
				}
				if !strings.HasPrefix(d.Form.File, "/") {
					r.Errorf(dp+".form.file", "%q must be a path in the static folder starting with /, such as \"/bieu-mau/to-khai.docx\"", d.Form.File)
				}
			}
		}
	}
}

func checkURL(r Reporter, path, s string) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		r.Errorf(path, "%q is not a web address starting with https://", s)
	}
}

// validVocab reports a value that is missing or not one of all, and says
// whether it is one of them.
func validVocab[T ~string](r Reporter, path string, noun msg.Text, v T, all []T) bool {
	if err := problem.CheckVocab(v, noun, all); err != nil {
		r.Errorf(path, "%v", err)
		return false
	}
	return true
}

// RequiredHeadings are the level-2 headings every procedure's text needs:
// the steps and the conditions, in the words of the national database; a
// new slice each call.
func RequiredHeadings() []string {
	return []string{"Trình tự thực hiện", "Yêu cầu, điều kiện thực hiện"}
}

// RequiredHeadingsIn are RequiredHeadings in a translation's language:
// for English, "Steps" and "Requirements and conditions".
func RequiredHeadingsIn(lang string) []string {
	if lang == "en" {
		return []string{"Steps", "Requirements and conditions"}
	}
	return RequiredHeadings()
}

// mentions reports whether text holds n among its numbers (runs of ASCII
// digits, "05" being 5), or holds no number at all ("Như nộp trực tiếp"),
// which says nothing against it.
func mentions(text string, n int) bool {
	numbers := false
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		v, j := 0, i
		for ; j < len(text) && '0' <= text[j] && text[j] <= '9'; j++ {
			if v < 1<<20 {
				v = v*10 + int(text[j]-'0')
			}
		}
		if v == n {
			return true
		}
		numbers, i = true, j
	}
	return !numbers
}
