package io.jans.service.cache;

/** The part of Janssen's NativePersistenceConfiguration the doubles use; defaults as Janssen's (60 s, o=jans). */
public class NativePersistenceConfiguration {
    private int defaultPutExpiration = 60;
    private String baseDn = "o=jans";
    private boolean deleteExpiredOnGetRequest = false;

    public int getDefaultPutExpiration() {
        return defaultPutExpiration;
    }

    public void setDefaultPutExpiration(int defaultPutExpiration) {
        this.defaultPutExpiration = defaultPutExpiration;
    }

    public String getBaseDn() {
        return baseDn;
    }

    public void setBaseDn(String baseDn) {
        this.baseDn = baseDn;
    }

    public boolean isDeleteExpiredOnGetRequest() {
        return deleteExpiredOnGetRequest;
    }

    public void setDeleteExpiredOnGetRequest(boolean deleteExpiredOnGetRequest) {
        this.deleteExpiredOnGetRequest = deleteExpiredOnGetRequest;
    }
}
