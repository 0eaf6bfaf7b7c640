package io.jans.model;

/** A custom script property: value1 is the name, value2 the value (either may be null or empty). */
public class SimpleCustomProperty {
    private String value1;
    private String value2;
    private String description;

    public SimpleCustomProperty() {}

    public SimpleCustomProperty(String value1, String value2) {
        this.value1 = value1;
        this.value2 = value2;
    }

    public String getValue1() {
        return value1;
    }

    public void setValue1(String value1) {
        this.value1 = value1;
    }

    public String getValue2() {
        return value2;
    }

    public void setValue2(String value2) {
        this.value2 = value2;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
