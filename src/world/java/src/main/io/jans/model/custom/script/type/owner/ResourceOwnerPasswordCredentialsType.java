package io.jans.model.custom.script.type.owner;

import io.jans.model.custom.script.type.BaseExternalType;

public interface ResourceOwnerPasswordCredentialsType extends BaseExternalType {
    boolean authenticate(Object context);
}
