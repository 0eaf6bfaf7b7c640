// Optional chaining and nullish coalescing.

interface Contact {
  phone?: string;
  address?: { city: string; zip?: string };
}

function city(contact: Contact | null): string {
  return contact?.address?.city ?? "unknown";
}

function zipLength(contact: Contact): number {
  return contact.address?.zip?.length ?? 0;
}

export function main(): unknown {
  const full: Contact = { phone: "555", address: { city: "Lyon", zip: "69001" } };
  const empty: Contact = {};
  return [city(full), city(empty), city(null), zipLength(full), zipLength(empty), full.phone ?? "none"];
}
