package io.herokuelk.standin.logplex;

import java.time.Instant;

/** Lines lost since the last loss report got through: what an L10 message says. */
record Loss(long count, Instant since) {}
