package io.herokuelk.shipper.setup;

import java.util.Map;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/**
 * A broker policy that refuses every topic a client asks for, as Heroku Kafka's Basic plans do (there by ACL: only
 * Heroku's CLI creates topics).
 */
public final class RefuseTopicCreation implements CreateTopicPolicy {

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void validate(RequestMetadata request) throws PolicyViolationException {
        throw new PolicyViolationException("topics are created with the platform's CLI on this cluster");
    }

    @Override
    public void close() {}
}
