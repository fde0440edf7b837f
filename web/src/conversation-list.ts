import type { Conversation } from './conversations.js';
import { byId } from './dom.js';
import type { Language, Texts } from './i18n.js';

/** The list of conversations kept in this browser, newest first; one opens on a click. */
export class ConversationList {
  private readonly list = byId<HTMLElement>('conversation-list');
  private readonly items = byId<HTMLElement>('conversation-items');
  private readonly toggleButton = byId<HTMLButtonElement>('show-conversations');

  constructor(
    private readonly t: Texts,
    private readonly language: Language,
    private readonly onOpen: (id: string) => void,
  ) {
    this.toggleButton.addEventListener('click', () => this.toggle());
  }

  private toggle(): void {
    this.list.hidden = !this.list.hidden;
    this.toggleButton.setAttribute('aria-expanded', String(!this.list.hidden));
  }

  render(conversations: Conversation[], current: string | undefined): void {
    if (conversations.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = this.t.noConversations;
      this.items.replaceChildren(empty);
      return;
    }
    this.items.replaceChildren(
      ...conversations.map((conversation) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'conversation';
        if (conversation.id === current) button.setAttribute('aria-current', 'true');
        button.textContent = conversation.title;
        button.title = new Date(conversation.updatedAt).toLocaleString(this.language === 'en' ? 'en' : 'zh-CN');
        button.addEventListener('click', () => this.onOpen(conversation.id));
        item.append(button);
        return item;
      }),
    );
  }
}
