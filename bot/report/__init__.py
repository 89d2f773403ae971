"""The operators' report: what people ask, what went unanswered, how well it helps."""
