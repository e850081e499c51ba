package dataset

import (
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vntext"
)

// RefKind says what a reference to a column may name.
type RefKind int

const (
	RefAny    RefKind = iota // any column, computed or not
	RefCSV                   // a column of the CSV
	RefText                  // a column of the CSV of a non-numeric type
	RefNumber                // a numeric column of the CSV
	RefCount                 // an integer or decimal column of the CSV (an input of a rate)
)

// Ref resolves the column named at path of the description (such as
// charts[0].bars[1]); it reports a problem and returns nil when name is
// not one of the kind wanted. An empty name is not reported (the caller
// decides whether it is required) and gives nil.
func (ds *Dataset) Ref(problems *problem.List, path, name string, kind RefKind) *Column {
	if name == "" {
		return nil
	}
	c := ds.Column(name)
	if c == nil {
		ds.doc.Errorf(problems, path, "%q is not a column of %s%s", name, ds.CSVFile, didYouMean(name, ds.columnNames()))
		return nil
	}
	switch {
	case kind != RefAny && c.Formula != nil:
		ds.doc.Errorf(problems, path, "%q is a rate congkhai computes: name a column of %s", name, ds.CSVFile)
	case kind == RefText && (c.Type.Numeric() || c.Type == ""):
		ds.doc.Errorf(problems, path, "%q is a %s column: name a text column", name, c.Type)
	case kind == RefNumber && !c.Type.Numeric():
		ds.doc.Errorf(problems, path, "%q is a %s column: name a numeric column (integer, decimal or percent)", name, c.Type)
	case kind == RefCount && c.Type != Integer && c.Type != Decimal:
		ds.doc.Errorf(problems, path, "%q is a %s column: a rate is computed from counts, so name integer or decimal columns", name, c.Type)
	default:
		return c
	}
	return nil
}

func (ds *Dataset) columnNames() []string {
	var names []string
	for _, c := range ds.Columns {
		if c != nil {
			names = append(names, c.Name)
		}
	}
	return names
}

// didYouMean suggests the closest of names to a misspelt name.
func didYouMean(name string, names []string) msg.Text {
	best := vntext.Closest(name, names)
	if best == "" {
		return msg.Text{}
	}
	return msg.T(" (did you mean %q?)", best)
}
