// Package schematest is for tests only: it checks a JSON document against
// a JSON Schema (draft 2020-12, formats asserted) with
// santhosh-tekuri/jsonschema, for the tests of every JSON export.
package schematest

import (
	"bytes"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Check validates doc against schema; name says what doc is, in errors.
func Check(name string, schema, doc []byte) error {
	s, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return fmt.Errorf("the schema of %s is not JSON: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	const url = "https://congkhai.invalid/schema.json"
	if err := c.AddResource(url, s); err != nil {
		return err
	}
	sch, err := c.Compile(url)
	if err != nil {
		return fmt.Errorf("the schema of %s does not compile: %v", name, err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("%s is not JSON: %v", name, err)
	}
	if err := sch.Validate(v); err != nil {
		return fmt.Errorf("%s does not match its schema: %v", name, err)
	}
	return nil
}
