package org.tanghulu.web.internal;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP settings ({@code etc/org.tanghulu.http.cfg}) apart from the filter that applies them: a
 * change of configuration must not re-register the filter with the web container, which would leave
 * requests without it for a moment.
 */
@Component(service = HttpPolicy.class, configurationPid = HttpPolicy.PID)
@Designate(ocd = HttpConfig.class)
public class HttpPolicy {

    static final String PID = "org.tanghulu.http";
    private static final Logger LOG = LoggerFactory.getLogger(HttpPolicy.class);

    private volatile TrustedProxies proxies = new TrustedProxies();
    private volatile long maxBodyBytes;
    private volatile long maxFormBytes;
    private volatile long maxMultipartBytes;

    @Activate
    @Modified
    void configure(HttpConfig config) {
        // a .cfg file gives "a, b" as one string
        String[] entries = Arrays.stream(config.trustedProxies()).flatMap(e -> Arrays.stream(e.split("[,\\s]+")))
                .filter(e -> !e.isBlank()).toArray(String[]::new);
        TrustedProxies trusted;
        try {
            trusted = new TrustedProxies(entries);
        } catch (IllegalArgumentException e) {
            LOG.error("etc/{}.cfg: trustedProxies: {}; no proxy is trusted until this is corrected", PID, e.getMessage());
            trusted = new TrustedProxies();
        }
        proxies = trusted;
        maxBodyBytes = config.maxBodyBytes();
        maxFormBytes = config.maxFormBytes();
        maxMultipartBytes = config.maxMultipartBytes();
        LOG.info("HTTP: trusted proxies {}; request bodies up to {} bytes, forms up to {} bytes",
                trusted.isEmpty() ? "none" : List.of(entries), maxBodyBytes, maxFormBytes);
    }

    TrustedProxies proxies() {
        return proxies;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    long maxMultipartBytes() {
        return maxMultipartBytes;
    }

    long maxFormBytes() {
        return maxFormBytes;
    }
}
