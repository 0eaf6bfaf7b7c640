import type { User } from "java:io.jans.as.common.model.common";
import type { UserService } from "java:io.jans.as.server.service";
import type { List } from "java:java.util";
import type { DirectoryUser, UserDirectory } from "../flow/ports";

const STATUS_ATTRIBUTE = "jansStatus";

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

/** Janssen writes "active" in lower case; an account without a status is treated as inactive (fail closed). */
function isActive(user: User): boolean {
  return allValues(user, STATUS_ATTRIBUTE).some((status) => status.trim().toLowerCase() === "active");
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
}
