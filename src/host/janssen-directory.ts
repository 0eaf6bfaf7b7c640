import type { User } from "java:io.jans.as.common.model.common";
import type { UserService } from "java:io.jans.as.server.service";
import type { List } from "java:java.util";
import type { DirectoryUser, UserDirectory } from "../flow/ports";

const STATUS_ATTRIBUTE = "jansStatus";
/** The attribute getUserId() reads. */
const USER_ID_ATTRIBUTE = "uid";

/** getAttributeValues answers null for an absent attribute; this answers an empty list instead. */
function allValues(user: User, attribute: string): string[] {
  const values: string[] = [];
  const found: List<string> | null = user.getAttributeValues(attribute);
  if (found === null) {
    return values;
  }
  let index = 0;
  while (index < found.size()) {
    const value = found.get(index);
    if (value !== null) {
      values.push(value);
    }
    index += 1;
  }
  return values;
}

const ACTIVE = "active";

/**
 * The account status. Janssen 1.1 and later (SimpleUser since March 2024) map jansStatus to the field behind getStatus(),
 * and the ORM then leaves it out of the custom attributes; older user models have no getStatus (Jython raises
 * AttributeError on the call) and keep jansStatus as a custom attribute. An account without a status is inactive (fail
 * closed).
 */
function isActive(user: User): boolean {
  let fromField: string | null = null;
  try {
    const status = user.getStatus();
    fromField = status === null ? "" : status.getValue();
  } catch (error) {
    fromField = null;
  }
  if (fromField !== null) {
    return fromField.trim().toLowerCase() === ACTIVE;
  }
  return allValues(user, STATUS_ATTRIBUTE).some((status) => status.trim().toLowerCase() === ACTIVE);
}

export class JanssenUserDirectory implements UserDirectory {
  private readonly users: UserService;

  constructor(users: UserService) {
    this.users = users;
  }

  findUser(loginValue: string, loginAttributes: string[], phoneAttributes: string[]): DirectoryUser | null {
    for (const attribute of loginAttributes) {
      const user = this.users.getUserByAttribute(attribute, loginValue);
      if (user !== null) {
        const id = user.getUserId();
        if (id !== null && id !== "") {
          const phones: string[] = [];
          for (const phoneAttribute of phoneAttributes) {
            for (const phone of allValues(user, phoneAttribute)) {
              phones.push(phone);
            }
          }
          return { id: id, active: isActive(user), phones: phones };
        }
      }
    }
    return null;
  }

  /**
   * The user to grant when no password was checked in this request (login_order=password_first: the password passed at step
   * 1): found again by id and still active, else null (fail closed).
   */
  grantableUser(userId: string): User | null {
    const user = this.users.getUserByAttribute(USER_ID_ATTRIBUTE, userId);
    if (user === null || user.getUserId() !== userId || !isActive(user)) {
      return null;
    }
    return user;
  }
}
