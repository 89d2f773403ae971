"""One module per check: from slot values to the rules core's result and its rendered answer.

Every function here is pure (apart from reading the knowledge base in the context) and takes
the slot values as a mapping in the vocabulary of :mod:`bot.assistant.vocabulary`.
"""
