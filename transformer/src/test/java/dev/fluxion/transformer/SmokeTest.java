package dev.fluxion.transformer;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void runs() throws Exception {
        System.setProperty("fluxion.dump", "/tmp/dump");
        TransformingClassLoader loader = new TransformingClassLoader(getClass().getClassLoader(), "dev.fluxion.smoke");
        Object out = loader.loadClass("dev.fluxion.smoke.SmokeCases").getMethod("run").invoke(null);
        System.out.println(out);
    }
}
