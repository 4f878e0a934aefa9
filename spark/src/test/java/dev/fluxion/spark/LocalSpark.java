package dev.fluxion.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** A Spark of {@code threads} executor threads in this JVM, on the loopback address, without its web UI. */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static JavaSparkContext start(String name, int threads) {
        SparkConf conf = new SparkConf()
                .setMaster("local[" + threads + "]")
                .setAppName(name)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        return new JavaSparkContext(conf);
    }
}
