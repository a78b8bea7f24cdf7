package org.medfed.network.tls;

/** What every study connection shares, whichever side it is. */
final class TlsSettings {

    /** TLS 1.3 first; 1.2 for hospital proxies and JDKs that lag behind. Nothing older. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsSettings() {
    }
}
