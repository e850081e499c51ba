package opendata

import (
	"embed"
)

// schemas are the JSON Schemas (draft 2020-12) of the exports whose shape
// does not depend on the site: published as they are, beside each export.
// A dataset's schema follows its columns (DatasetSchema).
//
//go:embed schema/*.schema.json
var schemas embed.FS

// ProcedureSchema is the JSON Schema of the procedures export.
func ProcedureSchema() []byte { return mustSchema("procedures") }

// DirectorySchema is the JSON Schema of the directory export.
func DirectorySchema() []byte { return mustSchema("directory") }

func mustSchema(name string) []byte {
	b, err := schemas.ReadFile("schema/" + name + ".schema.json")
	if err != nil {
		panic("opendata: the schema of " + name + " is not built in: " + err.Error())
	}
	return b
}
