package io.jans.orm.model.base;

import java.util.Date;

/**
 * Janssen's DeletableEntity (jans-orm-model): `exp` and `del` of entries the clean-up job may remove. The real class extends
 * BaseEntry (the dn) and carries @AttributeName annotations; the double holds the dn itself so it needs no ORM jar.
 */
public class DeletableEntity {
    private String dn;
    private Date expirationDate;
    private Boolean deletable = true;

    public String getDn() {
        return dn;
    }

    public void setDn(String dn) {
        this.dn = dn;
    }

    public Date getExpirationDate() {
        return expirationDate;
    }

    public void setExpirationDate(Date expirationDate) {
        this.expirationDate = expirationDate;
    }

    public Boolean isDeletable() {
        return deletable;
    }

    public void setDeletable(Boolean deletable) {
        this.deletable = deletable;
    }

    public boolean canDelete() {
        return canDelete(new Date());
    }

    public boolean canDelete(Date now) {
        Date exp = expirationDate != null ? expirationDate : null;
        boolean isDeletable = deletable != null ? deletable : false;
        return isDeletable && (exp == null || exp.before(now));
    }
}
