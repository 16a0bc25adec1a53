package io.herokuelk.shipper.alert.diagnosis;

import java.util.Optional;

/** One cause of a dyno's memory and how the figures show it; empty when they do not. */
interface Check {

    Optional<Finding> check(Situation situation);
}
