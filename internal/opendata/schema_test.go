package opendata

import (
	"bytes"
	"testing"

	"github.com/congkhai/congkhai/internal/schematest"
)

// checkSchema checks doc against schema.
func checkSchema(name string, schema, doc []byte) error { return schematest.Check(name, schema, doc) }

func validate(t *testing.T, name string, schema, doc []byte) {
	t.Helper()
	if err := checkSchema(name, schema, doc); err != nil {
		t.Error(err)
	}
}

// TestSchemaCatchesDrift proves the validation is not vacuous: a key the
// schema does not know, a code written as a number and a missing field
// each fail it.
func TestSchemaCatchesDrift(t *testing.T) {
	good := procedureJSON(t, meta(), sample())
	for name, bad := range map[string][]byte{
		"unknown key":    bytes.Replace(good, []byte(`"code":`), []byte(`"extra":1,"code":`), 1),
		"code as number": bytes.Replace(good, []byte(`"code":"1.001193"`), []byte(`"code":1.001193`), 1),
		"missing title":  bytes.Replace(good, []byte(`"title":"Thủ tục đăng ký khai sinh",`), nil, 1),
		"bad date":       bytes.Replace(good, []byte(`"synced_at":"2026-10-05"`), []byte(`"synced_at":"05/10/2026"`), 1),
	} {
		if bytes.Equal(bad, good) {
			t.Fatalf("%s: the test did not change the export", name)
		}
		if err := checkSchema("procedures", ProcedureSchema(), bad); err == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}
