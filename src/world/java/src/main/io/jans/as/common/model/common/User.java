package io.jans.as.common.model.common;

import io.jans.model.user.SimpleUser;

public class User extends SimpleUser {}
