package dataset

import (
	"fmt"

	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vntext"
)

// refKind says what a reference to a column may name.
type refKind int

const (
	refAny     refKind = iota // any column, computed or not
	refCSV                    // a column of the CSV
	refText                   // a column of the CSV of a non-numeric type
	refNumber                 // a numeric column of the CSV
	refCount                  // an integer or decimal column of the CSV (an input of a rate)
	refMeasure                // a numeric column or a computed rate
)

// ref resolves the column named at path; it reports a problem and returns
// nil when name is not one of the kind wanted. An empty name is not
// reported (the caller decides whether it is required) and gives nil.
func (ds *Dataset) ref(problems *problem.List, path, name string, kind refKind) *Column {
	if name == "" {
		return nil
	}
	c := ds.Column(name)
	if c == nil {
		ds.doc.Errorf(problems, path, "%q is not a column of %s%s", name, ds.CSVFile, didYouMean(name, ds.columnNames()))
		return nil
	}
	switch {
	case kind != refAny && kind != refMeasure && c.Formula != nil:
		ds.doc.Errorf(problems, path, "%q is a rate congkhai computes: name a column of %s", name, ds.CSVFile)
	case kind == refText && (c.Type.Numeric() || c.Type == ""):
		ds.doc.Errorf(problems, path, "%q is a %s column: name a text column", name, c.Type)
	case kind == refNumber && !c.Type.Numeric():
		ds.doc.Errorf(problems, path, "%q is a %s column: name a numeric column (integer, decimal or percent)", name, c.Type)
	case kind == refCount && c.Type != Integer && c.Type != Decimal:
		ds.doc.Errorf(problems, path, "%q is a %s column: a rate is computed from counts, so name integer or decimal columns", name, c.Type)
	case kind == refMeasure && !c.Type.Numeric():
		ds.doc.Errorf(problems, path, "%q is a %s column: a chart draws numbers, so name a numeric column or a computed rate", name, c.Type)
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
func didYouMean(name string, names []string) string {
	best := vntext.Closest(name, names)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
