"""Rules: every pattern the parser matches, one module per topic, named and commented."""
