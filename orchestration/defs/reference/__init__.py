"""Reference data shipped with packages (FX rates), loaded into the build database."""
