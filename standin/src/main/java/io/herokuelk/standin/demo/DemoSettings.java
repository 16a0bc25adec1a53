package io.herokuelk.standin.demo;

import io.herokuelk.devstack.stack.StackSettings;
import io.herokuelk.devstack.stack.VariableReader;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's settings: the local stack's (with its data in {@code .local/demo} unless {@code STACK_DIR} says
 * otherwise, apart from the data of {@code ./dev stack}) and the port of the stand-in's router.
 *
 * @param stack      ports, heaps and folder of Kafka, Elasticsearch and the shipper
 * @param routerPort {@code ROUTER_PORT}, default 8080; 0 for any free port
 * @param environment what the shipper's processes may take from (its alert destinations)
 */
public record DemoSettings(StackSettings stack, int routerPort, Map<String, String> environment) {

    static final String DEFAULT_DIRECTORY = ".local/demo";

    public static DemoSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> withDefaults = new HashMap<>(environment);
        withDefaults.putIfAbsent("STACK_DIR", DEFAULT_DIRECTORY);
        StackSettings stack = StackSettings.fromEnvironment(withDefaults);
        VariableReader read = VariableReader.of(environment);
        int routerPort = read.integer("ROUTER_PORT", 8080, 0, 65_535);
        read.check();
        return new DemoSettings(stack, routerPort, Map.copyOf(withDefaults));
    }
}
