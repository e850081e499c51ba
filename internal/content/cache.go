package content

import (
	"maps"
	"slices"
	"time"

	"github.com/congkhai/congkhai/internal/buildcache"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
)

// What a content file gives a build, its page (or none) and its problems,
// is kept in the build cache under a key of everything loadFile reads: the
// file's name and bytes, the settings of site.toml it uses and the rules
// records are validated against. A file whose entry is found costs neither
// the TOML decoder nor validation, the most of a cold build's time.

// settingsKey hashes what, besides its bytes, decides what a content file
// gives: the settings of site.toml loadFile reads, the rules records are
// validated against, and the mobile numbers the directory publishes (nil,
// when it has errors, is not an empty list: mobiles are then not checked).
func settingsKey(cfg *config.Config, rules procedure.Rules, consented personaldata.Consented) buildcache.Key {
	h := buildcache.NewHasher("page settings")
	h.String(cfg.Procedures.Section).String(cfg.Title)
	for _, e := range cfg.Editions() {
		h.String(string(e.Lang)).String(e.Path).String(e.Title)
	}
	h.String(rules.Today.Format(time.RFC3339Nano)).Int(int64(rules.StaleAfterDays))
	if consented == nil {
		h.String("mobiles not checked")
	} else {
		numbers := slices.Sorted(maps.Keys(consented))
		h.Int(int64(len(numbers)))
		for _, n := range numbers {
			if consented[n] {
				h.String(n)
			}
		}
	}
	return h.Key()
}

// pageKey is the cache key of a content file's page.
func pageKey(settings buildcache.Key, file string, src []byte) buildcache.Key {
	return buildcache.NewHasher("page").Bytes(settings[:]).String(file).Bytes(src).Key()
}

// entryVersion changes when the encoding below does.
const entryVersion = 3

// encodePage writes a file's result: the page, or none, with the record
// of a procedure on its own (procedure.Encode), and its problems.
func encodePage(p *Page, proc *procedure.Procedure, problems []problem.Problem) []byte {
	var w buildcache.Writer
	w.Byte(entryVersion)
	w.Bool(p != nil)
	if p != nil {
		w.Byte(byte(p.Kind))
		w.String(p.Dir)
		w.String(p.Path)
		w.String(p.Title)
		w.String(p.Description)
		w.Int(int64(p.Weight))
		w.Bool(!p.Updated.IsZero())
		if !p.Updated.IsZero() {
			w.Int(p.Updated.Unix()) // a page's date is midnight UTC
		}
		w.Uint(uint64(len(p.Aliases)))
		for _, a := range p.Aliases {
			w.String(a)
		}
		w.Int(int64(p.BodyLine))
		w.Blob(p.BodyHash[:])
		w.Bool(proc != nil)
		if proc != nil {
			w.Blob(proc.Encode())
		}
	}
	w.Uint(uint64(len(problems)))
	for _, pr := range problems {
		w.Byte(byte(pr.Severity))
		w.String(pr.File)
		w.Int(int64(pr.Line))
		w.Int(int64(pr.Col))
		w.String(pr.Field)
		w.Blob(pr.AppendMessage(nil))
		w.String(pr.Excerpt)
	}
	return w.Bytes()
}

// decodePage reads what encodePage wrote, for the file named file, with
// the page's texts and its record's in texts.
func decodePage(b []byte, file string, texts *procedure.Texts) (*Page, []problem.Problem, error) {
	r := buildcache.NewReader(b)
	if r.Byte() != entryVersion {
		return nil, nil, buildcache.ErrEntry
	}
	var p *Page
	if r.Bool() {
		p = &Page{File: file, Kind: Kind(r.Byte())}
		p.Dir = texts.Intern(r.String())
		p.Path = texts.Intern(r.String())
		p.Title = texts.Intern(r.String())
		p.Description = texts.Intern(r.String())
		p.Weight = int(r.Int())
		if r.Bool() {
			p.Updated = time.Unix(r.Int(), 0).UTC()
		}
		if n := r.Count(); n > 0 {
			p.Aliases = make([]string, n)
			for i := range p.Aliases {
				p.Aliases[i] = texts.Intern(r.String())
			}
		}
		p.BodyLine = int(r.Int())
		if copy(p.BodyHash[:], r.Blob()) != len(p.BodyHash) {
			return nil, nil, buildcache.ErrEntry
		}
		if r.Bool() {
			proc, err := procedure.Decode(r.Blob())
			if err != nil {
				return nil, nil, buildcache.ErrEntry
			}
			p.packed, p.texts = proc.Pack(texts), texts
			p.Procedure = proc.Summary()
			p.Forms = proc.FormRefs()
			p.Title, p.Description, p.Aliases = proc.Title, proc.Description, proc.Aliases
		}
	}
	var problems []problem.Problem
	for range r.Count() {
		p := problem.Problem{Severity: problem.Severity(r.Byte()), File: r.String(), Line: int(r.Int()), Col: int(r.Int()), Field: r.String()}
		p, err := p.SayEncoded(r.Blob())
		if err != nil {
			return nil, nil, err
		}
		p.Excerpt = r.String()
		problems = append(problems, p)
	}
	if err := r.Err(); err != nil {
		return nil, nil, err
	}
	return p, problems, nil
}
