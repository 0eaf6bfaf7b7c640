package io.jans.model.custom.script.model;

/** Only the identity of the script: the host never reads more than its name. */
public class CustomScript {
    private String name;
    private String inum;

    public CustomScript() {}

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInum() {
        return inum;
    }

    public void setInum(String inum) {
        this.inum = inum;
    }
}
