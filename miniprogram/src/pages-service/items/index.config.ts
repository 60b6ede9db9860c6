export default definePageConfig({ navigationBarTitleText: '查找事项' });
