// \(s) module; see README.md, Architecture.
