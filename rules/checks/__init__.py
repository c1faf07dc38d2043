"""The built-in rule modules, one per finding kind (and `projects` for a project's money). Importing them registers
nothing: rules.registry.RuleSet.default() reads the modules listed in rules.registry.BUILTIN_MODULES."""
