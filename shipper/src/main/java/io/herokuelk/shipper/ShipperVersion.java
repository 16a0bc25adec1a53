package io.herokuelk.shipper;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's version from its manifest, and the Java it runs on. */
public final class ShipperVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "heroku-elk shipper " + (version == null ? "(not built as a jar)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
