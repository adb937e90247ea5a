// Package extend adds the rules a configuration file brings with it — TOML
// rule packs (packs = [...] and a copydesk.d/ folder next to the file) and
// external plugins ([plugin.NAME] tables) — to a registry of built-in rules.
//
// A Loader lives for one run: it loads each pack file once, starts each
// plugin process once however many configuration files name it, and stops
// the processes in Close. Its Prepare method has the signature of
// config.Options.Prepare.
package extend
