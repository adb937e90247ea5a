// Package external runs rules in other processes: plugins written in any
// language that speak copydesk's versioned JSON protocol over their standard
// input and output.
//
// Each line copydesk writes is one JSON request; the plugin answers each
// with one JSON line, in order. Offsets are UTF-8 byte offsets into the
// document's text (the prose, markup removed).
//
//	→ {"copydesk":1,"method":"describe"}
//	← {"copydesk":1,"rules":[{"id":"relative-date","summary":"Relative dates in copy","severity":"warning"}]}
//	→ {"copydesk":1,"method":"check","id":1,"document":{"path":"a.md","format":"markdown",
//	   "text":"Vote tomorrow\n\nThe vote is tomorrow.","headline":{"start":0,"end":13},
//	   "blocks":[{"kind":"heading","start":0,"end":13},{"kind":"paragraph","start":15,"end":36}]}}
//	← {"id":1,"findings":[{"rule":"relative-date","start":27,"end":35,"match":"tomorrow",
//	   "message":"Relative date \"tomorrow\": name the day"}]}
//
// A plugin answers a request it cannot serve with {"id":N,"error":"..."},
// and an unknown method with {"id":N,"unsupported":true}; it ignores unknown
// fields. It exits when its standard input closes.
//
// copydesk starts one process per plugin per run (Open), sends requests one
// at a time, kills a plugin that does not answer within the timeout or
// floods its output, and validates every answer: offsets within the text and
// on character boundaries, match equal to the text it claims, rule IDs the
// plugin described, fix edits that do not overlap. Any violation is an error
// naming the plugin; the runner reports it for the file without losing the
// other rules' findings. A plugin whose process dies is restarted on the
// next request, at most MaxFailures times.
package external
