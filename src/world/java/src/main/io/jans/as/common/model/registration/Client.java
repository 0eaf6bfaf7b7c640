package io.jans.as.common.model.registration;

/**
 * Double of io.jans.as.common.model.registration.Client: the real class pulls in crypto, ClientAttributes and swagger (see
 * vendor/janssen/MANIFEST.md), so only getClientId()/setClientId(), whose signatures are in SIGNATURES.md, exist here.
 */
public class Client {
    private String clientId;

    public Client() {}

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }
}
