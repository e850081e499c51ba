package content

import (
	"encoding/binary"
	"errors"
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
const entryVersion = 1

var errEntry = errors.New("damaged cache entry")

// encodePage writes a file's result: the page, or none, with the record
// of a procedure on its own (procedure.Encode), and its problems.
func encodePage(p *Page, proc *procedure.Procedure, problems []problem.Problem) []byte {
	b := []byte{entryVersion}
	if p == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1, byte(p.Kind))
		b = appendString(b, p.Dir)
		b = appendString(b, p.Path)
		b = appendString(b, p.Title)
		b = appendString(b, p.Description)
		b = binary.AppendVarint(b, int64(p.Weight))
		b = appendTime(b, p.Updated)
		b = binary.AppendUvarint(b, uint64(len(p.Aliases)))
		for _, a := range p.Aliases {
			b = appendString(b, a)
		}
		b = binary.AppendVarint(b, int64(p.BodyLine))
		if proc == nil {
			b = append(b, 0)
		} else {
			b = append(b, 1)
			b = appendBytes(b, proc.Encode())
		}
	}
	b = binary.AppendUvarint(b, uint64(len(problems)))
	for _, pr := range problems {
		b = append(b, byte(pr.Severity))
		b = appendString(b, pr.File)
		b = binary.AppendVarint(b, int64(pr.Line))
		b = binary.AppendVarint(b, int64(pr.Col))
		b = appendString(b, pr.Field)
		b = appendString(b, pr.Message)
		b = appendString(b, pr.Excerpt)
	}
	return b
}

// decodePage reads what encodePage wrote, for the file named file, with
// the page's texts and its record's in texts.
func decodePage(b []byte, file string, texts *procedure.Texts) (*Page, []problem.Problem, error) {
	r := reader{b: b}
	if r.byte() != entryVersion {
		return nil, nil, errEntry
	}
	var p *Page
	if r.byte() == 1 {
		p = &Page{File: file, Kind: Kind(r.byte())}
		p.Dir = texts.Intern(r.string())
		p.Path = texts.Intern(r.string())
		p.Title = texts.Intern(r.string())
		p.Description = texts.Intern(r.string())
		p.Weight = int(r.varint())
		p.Updated = r.time()
		if n := r.uvarint(); n > 0 && n <= uint64(len(r.b)) {
			p.Aliases = make([]string, n)
			for i := range p.Aliases {
				p.Aliases[i] = texts.Intern(r.string())
			}
		}
		p.BodyLine = int(r.varint())
		if r.byte() == 1 {
			proc, err := procedure.Decode(r.bytes())
			if err != nil || r.err != nil {
				return nil, nil, errEntry
			}
			p.packed, p.texts = proc.Pack(texts), texts
			p.Procedure = proc.Summary()
			p.Forms = proc.FormRefs()
			p.Title, p.Description, p.Aliases = proc.Title, proc.Description, proc.Aliases
		}
	}
	var problems []problem.Problem
	if n := r.uvarint(); n <= uint64(len(r.b)) {
		for range n {
			problems = append(problems, problem.Problem{
				Severity: problem.Severity(r.byte()), File: r.string(), Line: int(r.varint()), Col: int(r.varint()),
				Field: r.string(), Message: r.string(), Excerpt: r.string(),
			})
		}
	}
	if r.err != nil || len(r.b) > 0 {
		return nil, nil, errEntry
	}
	return p, problems, nil
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendTime writes a date of a page: zero, or its Unix seconds (dates
// are midnight UTC, tomlfile.Date).
func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, 0)
	}
	b = append(b, 1)
	return binary.AppendVarint(b, t.Unix())
}

// reader reads an entry; after the first error it reads zeros and keeps
// the error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() { r.err, r.b = errEntry, nil }

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) string() string { return string(r.bytes()) }

func (r *reader) time() time.Time {
	if r.byte() == 0 {
		return time.Time{}
	}
	return time.Unix(r.varint(), 0).UTC()
}
