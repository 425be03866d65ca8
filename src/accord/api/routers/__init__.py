"""One router per resource: contracts, customers (and locations), subscriptions,
evidence (and batches), monitors, statements, tickets, audit, tokens."""
