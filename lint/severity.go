package lint

import "fmt"

// Severity grades a finding. The zero value means "the rule's configured
// severity" when a rule reports a finding.
type Severity uint8

// Severities in increasing order of gravity.
const (
	SeverityDefault Severity = iota // use the configured severity
	Info
	Warning
	Error
	// Never is above every severity: as a fail-on threshold it never fails.
	Never
)

// String returns the lower-case name used in config and output.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	case Never:
		return "never"
	}
	return "default"
}

// ParseSeverity parses "error", "warning", "info" (and "never" when
// allowNever is true, for fail-on thresholds).
func ParseSeverity(s string, allowNever bool) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	case "never":
		if allowNever {
			return Never, nil
		}
	}
	if allowNever {
		return 0, fmt.Errorf("invalid severity %q (want error, warning, info or never)", s)
	}
	return 0, fmt.Errorf("invalid severity %q (want error, warning or info)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b), true)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
