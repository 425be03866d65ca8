"""One router per resource: contracts, customers (and locations), subscriptions,
evidence (and batches), statements, tickets, audit, tokens."""
