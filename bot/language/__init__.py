"""Chinese text handling shared by the NLU components: normalisation, numbers, facts."""
