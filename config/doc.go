// Package config reads copydesk's TOML configuration (.copydesk.toml or
// copydesk.toml) and turns it into the configured rules for each file.
//
// Loading happens in two steps so that rules from packs and plugins can join
// the registry in between: Load parses and checks a file's structure (keys,
// types, severities, globs) without knowing any rule; Config.Apply then
// validates rule IDs and options against a *lint.Registry and returns a
// RuleSet, which answers RulesFor(path) with configured rule copies cached
// per combination of matching [[override]] blocks. A Resolver finds, loads
// and caches the configuration that governs each input file.
//
// Every error names the file and line and, where a key or rule ID is
// misspelled, suggests the closest known one.
package config
