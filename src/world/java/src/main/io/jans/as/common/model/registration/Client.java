package io.jans.as.common.model.registration;

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
