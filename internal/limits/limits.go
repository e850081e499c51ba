// Package limits holds every bound congkhai puts on what a site's files
// may hold, in one place. A portal's repository takes commits from many
// editors, and sometimes from outside contributors: the build must finish,
// quickly and with a clear message, whatever a file holds. Each limit is
// checked before the expensive step it protects (reading, the TOML
// decoder, goldmark, the CSV reader), and is generous for real portals: a
// procedure's front matter is a few kilobytes, its text rarely 100 KB, and
// a site of 100,000 procedures builds.
//
// The decoders are the reason for the depth limits: BurntSushi/toml takes
// time in the square of the nesting of inline tables and dotted keys
// (5,000 levels in one front matter took 15 s and 650 MB), and goldmark
// slows with the depth of nested lists.
package limits

import "github.com/congkhai/congkhai/internal/msg"

// Sizes, in bytes.
const (
	// FrontMatterBytes bounds the TOML front matter of a content file.
	FrontMatterBytes = 256 << 10
	// BodyBytes bounds the Markdown body of a content file.
	BodyBytes = 2 << 20
	// ContentFileBytes bounds a whole content file, read before it is
	// split: its front matter and its body at their largest.
	ContentFileBytes = FrontMatterBytes + BodyBytes
	// ConfigBytes bounds site.toml.
	ConfigBytes = 1 << 20
	// DataFileBytes bounds a TOML file of data/ (danh-ba.toml, the
	// descriptions of the CSV files) and any other file there but a CSV.
	DataFileBytes = 8 << 20
	// CSVBytes bounds a CSV file of data/.
	CSVBytes = 32 << 20
)

// Counts.
const (
	// Pages bounds the Markdown files of content/.
	Pages = 500_000
	// CSVRows bounds the rows of a CSV file, header excluded.
	CSVRows = 500_000
	// CSVColumns bounds the columns of a CSV file.
	CSVColumns = 256
	// CSVCellBytes bounds one cell of a CSV file.
	CSVCellBytes = 4 << 10
	// TOMLDepth bounds the nesting of tables and arrays in a TOML
	// document, dotted keys counted: a procedure's deepest field,
	// dossier[0].documents[0].form.file, is 6 deep.
	TOMLDepth = 16
	// MarkdownDepth bounds the nesting of lists and block quotes in a
	// Markdown body.
	MarkdownDepth = 16
)

// TooLarge says that something of size bytes is over its limit, for a
// problem's message, both in the limit's unit: "the front matter is
// 300.5 KiB: at most 256 KiB". The size is rounded up, so that a size
// just over the limit never reads as the limit.
func TooLarge(what msg.Text, size, limit int64) msg.Text {
	unit, name := int64(1), ""
	switch {
	case limit%(1<<20) == 0:
		unit, name = 1<<20, "MiB"
	case limit%(1<<10) == 0:
		unit, name = 1<<10, "KiB"
	}
	if unit == 1 {
		return msg.T("%s is %d bytes: at most %d bytes", what, size, limit)
	}
	tenths := (size*10 + unit - 1) / unit
	return msg.T("%s is %d.%d %s: at most %d %s", what, tenths/10, tenths%10, name, limit/unit, name)
}
