package io.jans.service.cache;

import io.jans.orm.model.base.DeletableEntity;
import java.io.Serializable;
import java.util.Date;

/**
 * As in jans-core-cache: objectClass jansCache, DN uuid=<sha256 hex of the key>,ou=cache,<base>; attributes uuid (id), iat
 * (creationDate), dat (data), the @Expiration ttl, and DeletableEntity's exp and del. ORM annotations left out.
 */
public class NativePersistenceCacheEntity extends DeletableEntity implements Serializable {
    private Integer ttl;
    private String id;
    private Date creationDate;
    private String data;

    public Integer getTtl() {
        return ttl;
    }

    public void setTtl(Integer ttl) {
        this.ttl = ttl;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Date getCreationDate() {
        return creationDate;
    }

    public void setCreationDate(Date creationDate) {
        this.creationDate = creationDate;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    @Override
    public String toString() {
        return "NativePersistenceCacheEntity [dn=" + getDn() + ", ttl=" + ttl + ", id=" + id + "]";
    }
}
